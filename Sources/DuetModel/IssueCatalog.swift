/// Decides the issue of every article (`issue:` when given, else the quarter of its date) and
/// completes issues with their volume and number.
struct IssueCatalog {
    private var records: [String: IssueRecord]
    private var used: Set<String> = []
    private let firstYear: Int?

    init(records: [IssueRecord], firstYear: Int?) {
        self.records = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.firstYear = firstYear
    }

    /// The issue id of a post, or an error at its `issue:` line when it names no issue.
    mutating func issueID(for document: ParsedDocument) -> Result<String, DiagnosticError> {
        let id: String
        if let named = document.text("issue") {
            let lowered = named.lowercased()
            if records[lowered] != nil {
                id = lowered
            } else if let key = Issue.quarterKey(named) {
                id = Issue.id(year: key.year, quarter: key.quarter)
            } else {
                let known = records.keys.sorted().joined(separator: ", ")
                return .failure(DiagnosticError(.error(
                    "issue '\(named)' has no file in content/issues/ and is not a quarter like 2025-Q1"
                        + (known.isEmpty ? "" : " (known: \(known))"), at: document.location(of: "issue"))))
            }
        } else if let date = document.date {
            id = Issue.id(year: date.year, quarter: (date.month - 1) / 3 + 1)
        } else {
            return .failure(DiagnosticError(.error("post has no date and no issue", at: document.location(of: "date"))))
        }
        used.insert(id)
        return .success(id)
    }

    /// Every issue with a file, and every quarter an article fell into, newest first.
    func issues() -> [Issue] {
        var all: [Issue] = []
        var ids = Set(records.keys)
        ids.formUnion(used)
        let years = ids.compactMap { records[$0]?.year ?? Issue.quarterKey($0)?.year }
        let first = firstYear ?? years.min() ?? 0
        for id in ids {
            if let record = records[id] {
                all.append(Issue(record: record, volume: record.year - first + 1, number: record.quarter))
            } else if let key = Issue.quarterKey(id) {
                all.append(Issue(id: id, year: key.year, quarter: key.quarter, volume: key.year - first + 1, number: key.quarter))
            }
        }
        return all.sorted(by: Issue.newestFirst)
    }
}
