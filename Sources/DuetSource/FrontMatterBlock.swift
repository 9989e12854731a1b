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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first, allowDots: false) else {
            return FrontMatterBlock(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { isFence($0, allowDots: true) }) else {
            throw .unterminatedFrontMatter(SourceLocation(file: path, line: 1, column: 1))
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[lines.index(after: closing)...].joined(separator: "\n")
        return FrontMatterBlock(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
