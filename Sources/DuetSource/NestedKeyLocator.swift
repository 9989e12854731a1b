import DuetModel

/// Where a key nested under a top-level one was written (`email:` under `crossref:`), so a
/// diagnostic about it points at its own line. The YAML values keep locations for top-level
/// keys only; a nested block is found again by its indentation. A map written inline
/// (`{email: x}`) has no line of its own and is located at its parent key.
struct NestedKeyLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func location(of key: String, under parent: FrontMatter.Entry) -> SourceLocation {
        let parentIndent = max(parent.location.column - 1, 0)
        var index = parent.location.line
        while index < lines.count {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            let indent = line.count - content.count
            if !content.isEmpty, !content.hasPrefix("#") {
                guard indent > parentIndent else { break }
                var name = content.prefix { $0 != ":" }
                if name.hasPrefix("- ") { name = name.dropFirst(2) }
                if name.trimmingCharacters(in: "\"'") == key, content.dropFirst(name.count).hasPrefix(":") {
                    return SourceLocation(file: parent.location.file, line: index + 1, column: indent + 1)
                }
            }
            index += 1
        }
        return parent.location
    }

    /// The scalar as written after `key:` on its line, before YAML made a number of it
    /// (`doi_prefix: 10.1000` reads as the number 10.1).
    func writtenScalar(of entry: FrontMatter.Entry) -> String? {
        let index = entry.location.line - 1
        guard index >= 0, index < lines.count, let colon = lines[index].firstIndex(of: ":") else { return nil }
        var value = lines[index][lines[index].index(after: colon)...]
        if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
        let text = String(value).trimmingCharacters(in: " \t\r").trimmingCharacters(in: "\"'")
        return text.isEmpty ? nil : text
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
