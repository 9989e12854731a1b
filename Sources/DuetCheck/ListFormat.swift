import DuetModel

/// How `duet list` writes its rows: CSV (RFC 4180) for spreadsheets, JSON for scripts.
public enum ListFormat: String, CaseIterable, Sendable {
    case csv
    case json

    public func render(_ rows: [ListedPage]) -> String {
        switch self {
        case .csv: return Self.csv(rows)
        case .json: return Self.json(rows)
        }
    }

    /// A header row, then one record per row, CRLF after each as RFC 4180 says; a field is quoted
    /// when it holds a comma, a quote or a line break, and its quotes are doubled.
    static func csv(_ rows: [ListedPage]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
                return text
            }
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        let records = [ListedPage.columns] + rows.map(\.fields)
        return records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// An array of objects with the keys in column order (not alphabetical), two-space indent,
    /// authors as an array and `included` as a boolean.
    static func json(_ rows: [ListedPage]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { row in
            let values: [String] = [
                string(row.path), string(row.language), string(row.url), string(row.date), string(row.issue),
                row.authors.isEmpty ? "[]" : "[" + row.authors.map(string).joined(separator: ", ") + "]",
                string(row.translationKey), string(row.excerpt), string(row.state.rawValue), row.included ? "true" : "false",
            ]
            let members = zip(ListedPage.columns, values).map { "    \(string($0)): \($1)" }
            return "  {\n" + members.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func string(_ text: String) -> String { text.jsonQuoted }
}
