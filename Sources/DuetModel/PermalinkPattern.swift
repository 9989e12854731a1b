/// Expands Jekyll-style permalink placeholders (`/:lang/:year/:slug/`) for one document.
public struct PermalinkPattern: Hashable, Sendable {
    public var pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Placeholders are replaced longest name first so `:i_month` is not read as `:i` + `_month`.
    /// Only the values of the placeholders the pattern holds are made.
    public func expand(for document: ParsedDocument, issue: String? = nil) -> String {
        guard pattern.utf8.contains(UInt8(ascii: ":")) else { return pattern }
        let date = document.date
        var result = pattern
        for name in Self.placeholders where result.containsBytes(name) {
            let value: String
            switch name {
            case ":categories":
                value = (document.list("categories") + document.list("category")).map { $0.lowercased() }.joined(separator: "/")
            case ":issue": value = issue ?? ""
            case ":i_month": value = date.map { String($0.month) } ?? ""
            case ":i_day": value = date.map { String($0.day) } ?? ""
            case ":minute": value = date.map { twoDigits($0.minute) } ?? ""
            case ":second": value = date.map { twoDigits($0.second) } ?? ""
            case ":month": value = date.map { twoDigits($0.month) } ?? ""
            case ":title", ":slug": value = document.slug
            case ":lang": value = document.language
            case ":year": value = date.map { String($0.year) } ?? ""
            case ":hour": value = date.map { twoDigits($0.hour) } ?? ""
            default: value = date.map { twoDigits($0.day) } ?? ""      // :day
            }
            result = result.replacingBytes(name, with: value)
        }
        return result
    }

    private static let placeholders = [
        ":categories", ":issue", ":i_month", ":i_day", ":minute", ":second", ":month", ":title", ":lang", ":year",
        ":hour", ":slug", ":day",
    ]
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
