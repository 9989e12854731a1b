/// Expands Jekyll-style permalink placeholders (`/:lang/:year/:slug/`) for one document.
public struct PermalinkPattern: Hashable, Sendable {
    public var pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// One pass over the pattern: at each `:`, the first placeholder listed that starts there
    /// (longer names are listed before the names they begin with, so `:i_month` is not read as
    /// `:i` + `_month`). A value is never read again for placeholders. Only the values of the
    /// placeholders the pattern holds are made.
    public func expand(for document: ParsedDocument, issue: String? = nil) -> String {
        guard pattern.utf8.contains(UInt8(ascii: ":")) else { return pattern }
        // Gathered as bytes and made a String once: appending each piece to a String cost more
        // than finding the placeholders.
        var output: [UInt8] = []
        output.reserveCapacity(pattern.utf8.count + 48)
        var pattern = self.pattern
        pattern.withUTF8 { bytes in
            var index = 0
            var copied = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: ":"),
                      let name = Self.placeholderBytes.firstIndex(where: { bytes.hasBytes($0, at: index) }) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: value(of: Self.placeholders[name], for: document, issue: issue).utf8)
                index += Self.placeholderBytes[name].count
                copied = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func value(of name: String, for document: ParsedDocument, issue: String?) -> String {
        let date = document.date
        switch name {
        case ":categories": return (document.list("categories") + document.list("category")).map { $0.lowercased() }.joined(separator: "/")
        case ":issue": return issue ?? ""
        case ":i_month": return date.map { String($0.month) } ?? ""
        case ":i_day": return date.map { String($0.day) } ?? ""
        case ":minute": return date.map { twoDigits($0.minute) } ?? ""
        case ":second": return date.map { twoDigits($0.second) } ?? ""
        case ":month": return date.map { twoDigits($0.month) } ?? ""
        case ":title", ":slug": return document.slug
        case ":lang": return document.language
        case ":year": return date.map { String($0.year) } ?? ""
        case ":hour": return date.map { twoDigits($0.hour) } ?? ""
        default: return date.map { twoDigits($0.day) } ?? ""      // :day
        }
    }

    private static let placeholderBytes = placeholders.map { Array($0.utf8) }

    private static let placeholders = [
        ":categories", ":issue", ":i_month", ":i_day", ":minute", ":second", ":month", ":title", ":lang", ":year",
        ":hour", ":slug", ":day",
    ]
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
