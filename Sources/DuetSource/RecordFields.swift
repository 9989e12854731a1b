import DuetMarkdown
import DuetModel

/// Typed reading of a YAML record (issue or author file), every mistake located at its key.
struct RecordFields {
    var yaml: FrontMatter
    var path: String

    func text(_ key: String) throws(SourceError) -> String? {
        guard let entry = yaml.entry(key), entry.value != .null else { return nil }
        guard let value = entry.value.scalarText else {
            throw .wrongType(entry.location, key: key, expected: "text", found: entry.value.kindName)
        }
        return value
    }

    func integer(_ key: String, in range: ClosedRange<Int>? = nil) throws(SourceError) -> Int? {
        guard let entry = yaml.entry(key), entry.value != .null else { return nil }
        guard let text = entry.value.scalarText, let value = Int(text) else {
            throw .wrongType(entry.location, key: key, expected: "a whole number", found: entry.value.kindName)
        }
        if let range, !range.contains(value) {
            throw .invalidConfig(entry.location, problem: "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    /// `key: {en: ..., zh: ...}`, or one text for every language (stored under `*`).
    func perLanguage(_ key: String) throws(SourceError) -> [String: String] {
        guard let entry = yaml.entry(key), entry.value != .null else { return [:] }
        if case .map(let pairs) = entry.value {
            var result: [String: String] = [:]
            for pair in pairs {
                guard let text = pair.value.scalarText else {
                    throw .wrongType(entry.location, key: "\(key).\(pair.key)", expected: "text", found: pair.value.kindName)
                }
                result[pair.key] = text
            }
            return result
        }
        guard let single = entry.value.scalarText else {
            throw .wrongType(entry.location, key: key, expected: "text or one text per language", found: entry.value.kindName)
        }
        return ["*": single]
    }

    func location(_ key: String) -> SourceLocation? { yaml.entry(key)?.location }

    /// Markdown per language, rendered with the language's punctuation rules.
    func markdown(_ key: String) throws(SourceError) -> [String: String] {
        var result: [String: String] = [:]
        for (language, text) in try perLanguage(key) {
            result[language] = MarkdownRenderer(smartPunctuation: language == "*" || language.hasPrefix("en")).render(text).html
        }
        return result
    }
}
