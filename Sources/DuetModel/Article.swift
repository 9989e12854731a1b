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
    /// The DOI this language version is registered under: the front matter's `doi:`, else the
    /// site's `doi_prefix` and suffix pattern; nil when the site registers no DOIs.
    public var doi: DOI?
    /// The front matter's `license:`, else the site's; nil when neither names one.
    public var license: License?

    public init(document: ParsedDocument, route: Route, issueID: String = "", byline: Byline = Byline(),
                previewState: ContentSelection.Verdict = .published, doi: DOI? = nil, license: License? = nil) {
        self.document = document
        self.route = route
        self.issueID = issueID
        self.byline = byline
        self.previewState = previewState
        self.doi = doi
        self.license = license
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
