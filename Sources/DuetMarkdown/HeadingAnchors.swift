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
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if properties.isWhitespace || scalar == "-" || scalar == "_" {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
