/// Gives every heading of a page an id that is stable (derived from its text only), unique on the
/// page, and readable in Chinese too: CJK characters are kept as they are rather than dropped,
/// which would leave every Chinese heading with an empty or numbered id.
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 0
        return "\(base)-\(next)"
    }

    /// Lower-cased letters and digits of any script; runs of spaces, hyphens and underscores become
    /// one hyphen; other punctuation (including full-width ，。：) is dropped.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII and the common Han blocks answer without the property tables, and neither
            // needs a String made to lower-case it: most headings are made of nothing else.
            let kind: SlugKind
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: kind = .kept
                case 0x09...0x0D, 0x20, 0x2D, 0x5F: kind = .hyphen
                default: kind = .dropped
                }
            } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
                kind = .kept
            } else {
                let properties = scalar.properties
                kind = properties.isAlphabetic || properties.numericType != nil ? .lowered
                    : properties.isWhitespace ? .hyphen : .dropped
            }
            switch kind {
            case .kept, .lowered:
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                if kind == .lowered {
                    result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    result.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
                }
            case .hyphen:
                pendingHyphen = true
            case .dropped:
                break
            }
        }
        return result.isEmpty ? "section" : result
    }

    private enum SlugKind { case kept, lowered, hyphen, dropped }
}
