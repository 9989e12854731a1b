import DuetModel

/// Search engines and link previews show a post's description, or else its excerpt (Jekyll SEO's
/// rule). A post with neither shows nothing: a warning (an error with `--strict`).
enum DescriptionCheck {
    static func warning(for document: ParsedDocument) -> Diagnostic? {
        guard document.kind == .post else { return nil }
        if let description = document.description, description.contains(where: { !$0.isWhitespace }) { return nil }
        guard !hasText(document.excerptHTML) else { return nil }
        return .warning("post has neither a 'description' nor an excerpt: add 'description:' for search results and link previews",
                        at: document.frontMatter.entry("excerpt_separator")?.location
                            ?? SourceLocation(file: document.sourcePath, line: 1, column: 1))
    }

    /// Whether HTML has any visible text once its tags are removed.
    private static func hasText(_ html: String) -> Bool {
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            default: if !inTag && !character.isWhitespace { return true }
            }
        }
        return false
    }
}
