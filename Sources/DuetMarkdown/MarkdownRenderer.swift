import DuetModel

/// Markdown to HTML through libcmark-gfm, with GitHub's extensions and heading anchors.
///
/// A value type with no C state: every call parses with a parser of its own, so one renderer
/// can be shared by every thread of a parallel build.
public struct MarkdownRenderer: Sendable {
    /// Curly quotes and dashes suit English; Chinese text uses full-width punctuation typed by
    /// the author, which smart punctuation must not touch.
    public var smartPunctuation: Bool

    public init(smartPunctuation: Bool = true) {
        self.smartPunctuation = smartPunctuation
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        CmarkDocument.render(markdown, smartPunctuation: smartPunctuation)
    }
}

/// The HTML of one document and the headings it contains, in order, with their anchor ids.
public struct RenderedMarkdown: Hashable, Sendable {
    public var html: String
    public var headings: [DocumentHeading]

    public init(html: String, headings: [DocumentHeading]) {
        self.html = html
        self.headings = headings
    }
}
