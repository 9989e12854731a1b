/// A published post: its parsed document, the route it is written to, its issue and its authors.
public struct Article: Hashable, Sendable {
    public var document: ParsedDocument
    public var route: Route
    /// The id of the issue it belongs to (`2025-q1`).
    public var issueID: String
    public var byline: Byline
    /// `.draft` or `.future` when a preview (`--drafts`, `--future`, `duet serve`) shows a post a
    /// normal build would not publish, so its pages say so.
    public var previewState: ContentSelection.Verdict

    public init(document: ParsedDocument, route: Route, issueID: String = "", byline: Byline = Byline(),
                previewState: ContentSelection.Verdict = .published) {
        self.document = document
        self.route = route
        self.issueID = issueID
        self.byline = byline
        self.previewState = previewState
    }

    public var section: String? { document.text("section") }

    /// `order:` within its section, when the editors set one.
    public var order: Int? {
        if case .int(let value)? = document.frontMatter["order"] { return value }
        return document.text("order").flatMap { Int($0) }
    }
}

/// A standalone page (about, submissions): not dated, not listed with the articles.
public struct Page: Hashable, Sendable {
    public var document: ParsedDocument
    public var route: Route

    public init(document: ParsedDocument, route: Route) {
        self.document = document
        self.route = route
    }
}
