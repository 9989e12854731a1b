import DuetModel

/// A document split at its front matter fences, remembering on which file line each part starts
/// so that YAML errors and body positions translate back to the author's line numbers.
struct FrontMatterBlock: Equatable {
    /// The YAML between the fences; `nil` when the file has no front matter at all.
    var yaml: String?
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    /// Jekyll's rule: front matter exists only when the very first line is `---`
    /// (trailing spaces allowed); it ends at the next `---` or `...` line.
    static func split(_ text: String, path: String) throws(SourceError) -> FrontMatterBlock {
        // Walks line by line only as far as the closing fence: the body is taken whole, not split
        // into lines and joined again (that cost more than parsing the Markdown).
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard isFence(text[utf8.startIndex..<firstEnd], allowDots: false) else {
            return FrontMatterBlock(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        guard firstEnd < utf8.endIndex else { throw .unterminatedFrontMatter(SourceLocation(file: path, line: 1, column: 1)) }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while true {
            let end = lineEnd(from: lineStart)
            if isFence(text[lineStart..<end], allowDots: true) {
                let yaml = lineStart == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
                let body = end < utf8.endIndex ? String(text[utf8.index(after: end)...]) : ""
                return FrontMatterBlock(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1)
            }
            guard end < utf8.endIndex else { throw .unterminatedFrontMatter(SourceLocation(file: path, line: 1, column: 1)) }
            lineStart = utf8.index(after: end)
            line += 1
        }
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
