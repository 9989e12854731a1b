/// Expands Jekyll-style permalink placeholders (`/:lang/:year/:slug/`) for one document.
public struct PermalinkPattern: Hashable, Sendable {
    public var pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Placeholders are replaced longest name first so `:i_month` is not read as `:i` + `_month`.
    public func expand(for document: ParsedDocument, issue: String? = nil) -> String {
        let date = document.date
        let categories = (document.list("categories") + document.list("category")).map { $0.lowercased() }.joined(separator: "/")
        let values: [(String, String)] = [
            (":categories", categories),
            (":issue", issue ?? ""),
            (":i_month", date.map { String($0.month) } ?? ""),
            (":i_day", date.map { String($0.day) } ?? ""),
            (":minute", date.map { twoDigits($0.minute) } ?? ""),
            (":second", date.map { twoDigits($0.second) } ?? ""),
            (":month", date.map { twoDigits($0.month) } ?? ""),
            (":title", document.slug),
            (":lang", document.language),
            (":year", date.map { String($0.year) } ?? ""),
            (":hour", date.map { twoDigits($0.hour) } ?? ""),
            (":slug", document.slug),
            (":day", date.map { twoDigits($0.day) } ?? ""),
        ]
        var result = pattern
        for (name, value) in values where result.containsBytes(name) {
            result = result.replacingBytes(name, with: value)
        }
        return result
    }
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
