/// Who wrote an article, in order, and whether the byline ends in "et al." / "等".
public struct Byline: Hashable, Sendable {
    public var authorIDs: [String]
    public var etAl: Bool
    /// How many authors the byline itself names (the rest came from the bios): a listing shows
    /// these and "et al.", the article page shows everyone.
    public var namedCount: Int

    public init(authorIDs: [String] = [], etAl: Bool = false, namedCount: Int? = nil) {
        self.authorIDs = authorIDs
        self.etAl = etAl
        self.namedCount = min(namedCount ?? authorIDs.count, authorIDs.count)
    }

    /// Splits a Jekyll-style author string into names: `Avery Lin, Jonah Reyes and Wei Chen`,
    /// `Avery Lin, et al.`, `林雅薇、陈伟`, `林雅薇和陈伟`, `林雅薇等`.
    public static func parseNames(_ text: String) -> (names: [String], etAl: Bool) {
        PlainByline.names(text) ?? parseNamesByCharacters(text)
    }

    /// `parseNames` for any text, walking Characters.
    static func parseNamesByCharacters(_ text: String) -> (names: [String], etAl: Bool) {
        var rest = text.trimmingSpaces()
        var etAl = false
        let lowered = rest.lowercased()
        for marker in ["et al.", "et al", "等人", "等"] where lowered.hasSuffix(marker) {
            etAl = true
            rest = String(rest.dropLast(marker.count)).trimmingSpaces()
            while let last = rest.last, last == "," || last == "，" || last == "、" { rest = String(rest.dropLast()).trimmingSpaces() }
            break
        }
        var names: [String] = []
        // Walking Characters is slow for CJK: a byline without any separator's bytes is one piece.
        let separated = rest.utf8.contains { $0 == 0x2C || $0 == 0x3B || $0 == 0x26 || $0 == 0xEF || $0 == 0xE3 }
        let pieces = separated ? rest.split(whereSeparator: isNameSeparator) : (rest.isEmpty ? [] : [rest[...]])
        for piece in pieces {
            var piece = String(piece).trimmingSpaces()
            if piece.lowercased().hasPrefix("and ") { piece = String(piece.dropFirst(4)).trimmingSpaces() }
            names += piece.splitting(separators: [" and ", "和", "与", "及"]).map { $0.trimmingSpaces() }
        }
        return (names.filter { !$0.isEmpty }, etAl)
    }

    /// A switch, not `",，、;；&".contains(_:)`, which walked the literal for every character.
    private static func isNameSeparator(_ character: Character) -> Bool {
        switch character {
        case ",", "，", "、", ";", "；", "&": return true
        default: return false
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        // Whitespace is at most U+0020 in ASCII and never ASCII otherwise: text that starts and
        // ends with visible ASCII (most names) has nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Splits on any of the separators; for the CJK conjunctions only between CJK characters, so a
    /// romanized name is never cut, and only when both sides are left non-empty.
    func splitting(separators: [String]) -> [String] {
        var parts = [self]
        for separator in separators {
            parts = parts.flatMap { part -> [String] in
                guard part.containsBytes(separator) else { return [part] }
                let pieces = part.splittingBytes(separator)
                guard pieces.count > 1, pieces.allSatisfy({ !$0.trimmingSpaces().isEmpty }) else { return [part] }
                if separator.count == 1 {
                    // 和 / 与 inside a Chinese name (e.g. 和平) would split it: require two or more
                    // characters on each side, the length of a Chinese name.
                    guard pieces.allSatisfy({ $0.trimmingSpaces().count >= 2 }) else { return [part] }
                }
                return pieces
            }
        }
        return parts
    }
}
