import Foundation

/// The twin of a post in another language, as `duet new translation` writes it: the original's
/// front matter line for line (so dates, section, images and the translation pairing stay the
/// same), the title and description marked for the translator, a draft until it is done, and an
/// empty body with a pointer to the original.
public enum TranslationDraft {
    public static let marker = "[translate] "

    /// Keys whose text the translator must replace.
    static let translatable: Set<String> = ["title", "description", "excerpt"]

    /// - Returns: nil when `source` has no front matter block to copy.
    public static func make(from source: String, originalPath: String, language: String) -> String? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasSuffix("\r") == true { lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return nil
        }
        var front: [String] = []
        var sawDraft = false
        for line in lines[1..<end] {
            guard let (key, value) = topLevelField(line) else {
                front.append(line)
                continue
            }
            switch key {
            case "lang":
                front.append("lang: \(language)")
            case "draft":
                front.append("draft: true")
                sawDraft = true
            case _ where translatable.contains(key) && !value.isEmpty && !value.hasPrefix("|") && !value.hasPrefix(">"):
                front.append("\(key): \(YAMLText.quoted(marker + unquoted(value)))")
            default:
                front.append(line)
            }
        }
        if !sawDraft { front.append("draft: true") }
        return (["---"] + front + ["---", "", "<!-- Translate \(originalPath) here. -->", ""]).joined(separator: "\n")
    }

    /// `title : Common Ground` -> (`title`, `Common Ground`); nil for nested or continued lines.
    static func topLevelField(_ line: String) -> (key: String, value: String)? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
              let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// A YAML scalar as text: quotes removed, escapes undone.
    static func unquoted(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
        }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacing("''", with: "'")
        }
        return value
    }
}
