/// How an article's DOI suffix is made when its front matter does not give a `doi:`:
/// `duet.:issue.:slug.:lang` gives `duet.2025-q1.designing-the-small-table.en`. Each language
/// version is its own work with its own DOI (Crossref relates them as translations), so the
/// default ends in the language.
public struct DOISuffixPattern: Hashable, Sendable {
    public var pattern: String

    public static let standard = DOISuffixPattern("duet.:issue.:slug.:lang")

    /// The placeholders a pattern may use, longest first so `:year` is not read inside another.
    public static let placeholders = [":volume", ":number", ":issue", ":slug", ":lang", ":year", ":key"]

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// A `:word` in the pattern that is not a placeholder, for a diagnostic.
    public var unknownPlaceholder: String? {
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            let word = rest[colon...].prefix { $0 == ":" || $0.isLetter || $0 == "_" }
            if word.count > 1, !Self.placeholders.contains(String(word)) { return String(word) }
            rest = rest[rest.index(after: colon)...]
        }
        return nil
    }

    /// The suffix for one article; the issue's volume and number come from the issue when known.
    public func expand(for document: ParsedDocument, issue: String, volume: Int?, number: Int?) -> String {
        let values: [(String, String)] = [
            (":volume", volume.map(String.init) ?? ""),
            (":number", number.map(String.init) ?? ""),
            (":issue", issue),
            (":slug", document.slug),
            (":lang", document.language),
            (":year", document.date.map { String($0.year) } ?? ""),
            (":key", document.translationKey),
        ]
        var result = pattern
        for (name, value) in values where result.containsBytes(name) {
            result = result.replacingBytes(name, with: value)
        }
        return result
    }
}
