import DuetModel

/// One entry of the site's manifest: a file the site has, where it goes, what kind it is, and how
/// to make it. What it depends on is not declared here: it is recorded while it is made.
public struct PlannedOutput: Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// An HTML page of the publication (articles, pages, issues, authors, indexes, search, 404s).
        case page
        case feed
        case searchIndex
        case sitemap
        case robots
        case epub
        /// An article's `cite.ris`, `cite.bib` or `cite.json`, beside its page.
        case citation
        /// An issue's Crossref deposit (`crossref/2025-q1.xml`), for the editors to upload.
        case deposit
        /// The editors' status page (`duet serve`): not part of the publication, not counted.
        case status
        /// A file of the theme's or the site's `static/`, copied as is.
        case staticFile
    }

    /// Inside the output folder: `en/2025/slug/index.html`.
    public var path: String
    public var kind: Kind
    /// The file whose text the output shows (a post, a page, an issue's notes, an author's
    /// biography): `duet check` points its findings there.
    public var source: String?
    /// Who claims the path, named in a duplicate-URL error (`content/posts/en/x.md`, "the generated 404 page").
    public var claimant: String {
        switch claimantName {
        case .text(let text): text
        case .file(let name, let source): "the \(name) of \(source)"
        }
    }
    /// The claimant's parts: its text is made only when an error names it, not for each of the
    /// thousands of files every build plans.
    enum Claimant: Sendable {
        case text(String)
        /// `the cite.ris of content/posts/en/x.md`.
        case file(String, of: String)
    }
    let claimantName: Claimant
    /// Where to point that error: the document's `permalink:` line, or the file.
    public var location: SourceLocation?
    let make: (@Sendable (PageContextFactory) throws(RenderFailure) -> OutputFile)?

    init(path: String, kind: Kind, source: String? = nil, claimant: String, location: SourceLocation? = nil,
         make: (@Sendable (PageContextFactory) throws(RenderFailure) -> OutputFile)?) {
        self.init(path: path, kind: kind, source: source, claimant: .text(claimant), location: location, make: make)
    }

    init(path: String, kind: Kind, source: String? = nil, claimant: Claimant, location: SourceLocation? = nil,
         make: (@Sendable (PageContextFactory) throws(RenderFailure) -> OutputFile)?) {
        self.path = path
        self.kind = kind
        self.source = source
        self.claimantName = claimant
        self.location = location
        self.make = make
    }

    /// A file the build makes itself (the editors' status page), planned with the theme's pages.
    public init(path: String, kind: Kind, claimant: String, output: @escaping @Sendable () -> OutputFile) {
        self.init(path: path, kind: kind, claimant: claimant) { _ in output() }
    }

    /// A static file: copied by the writer, not rendered.
    public static func copy(path: String, source: String) -> PlannedOutput {
        PlannedOutput(path: path, kind: .staticFile, source: source, claimant: source,
                      location: SourceLocation(file: source), make: nil)
    }

    public var isRendered: Bool { make != nil }
}

/// A rendered output with what its render read.
public struct RenderedOutput: Sendable {
    public var file: OutputFile
    public var dependencies: Set<Dependency>
}

/// A file that could not be made (an EPUB that failed to package): reported, and nothing is written.
public struct RenderFailure: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
