import DuetModel
import DuetSource
import Foundation

/// The content folder read and parsed the way `duet build` reads it, without a theme or any
/// output: what `duet check` needs to trace a page back to its Markdown and what `duet list`
/// lists. The graph is built with drafts and future posts included, so every page any build
/// could produce has a route here.
public struct SourceModel: Sendable {
    public var config: SiteConfig
    public var documents: [ParsedDocument]
    /// Every document a build with `--drafts --future` would publish, with its route.
    public var graph: SiteGraph
    /// The raw posts, pages, issue and author files by the path diagnostics print (`content/posts/zh/x.md`).
    public var sources: [String: Data]
    /// `typography:` from `site.yml`.
    public var typography: TypographySettings
    /// Problems that stopped a file from being read or parsed.
    public var diagnostics: [Diagnostic]

    /// - Parameters:
    ///   - source: the content folder as the user named it; paths in the model start with it.
    ///   - baseURL: replaces `base_url` from `site.yml` (`--base-url`).
    public static func load(source: String, baseURL: String? = nil) -> SourceModel {
        let root = URL(fileURLWithPath: source)
        let tree = SourceTree.scan(root: root, displayRoot: source)
        var diagnostics = tree.diagnostics
        if !FileManager.default.fileExists(atPath: root.path) {
            diagnostics.append(.error("content folder does not exist", at: SourceLocation(file: source)))
        }
        var config = SiteConfig()
        var typography = TypographySettings()
        do {
            config = try SiteConfigLoader.load(tree.config, path: tree.configPath)
            if let data = tree.config {
                typography = try TypographySettings(siteYAML: YAMLFile.parse(data, path: tree.configPath))
            }
        } catch {
            diagnostics.append(error.diagnostic)
        }
        if let baseURL { config.baseURL = baseURL }

        let parser = DocumentParser(config: config, site: LiquidSite(tree: tree, config: config))
        var documents: [ParsedDocument] = []
        for result in ParallelMap.map(tree.documents, { file in
            Result { () throws(SourceError) in try parser.parse(file).0 }
        }) {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let error): diagnostics.append(error.diagnostic)
            }
        }
        let (issues, _) = IssueLoader.load(tree.issueFiles, config: config, assetExists: { _ in true })
        let (authors, _) = AuthorLoader.load(tree.authorFiles)
        let everything = ContentSelection(includeDrafts: true, includeFuture: true, now: 0)
        let (graph, _) = SiteGraphBuilder(config: config, selection: everything).build(
            documents: documents.map(Self.publishable), issues: issues, authors: authors)
        let sources = Dictionary((tree.documents + tree.issueFiles + tree.authorFiles).map { ($0.path, $0.data) },
                                 uniquingKeysWith: { first, _ in first })
        return SourceModel(config: config, documents: documents, graph: graph, sources: sources,
                           typography: typography, diagnostics: diagnostics.sortedByLocation())
    }

    /// The document as if `published: false` were not there, so that an unpublished post still
    /// gets the route it would have: editors look it up by URL.
    private static func publishable(_ document: ParsedDocument) -> ParsedDocument {
        var copy = document
        copy.frontMatter.entries.removeAll { $0.key == "published" }
        return copy
    }

    /// Output path (`en/x/index.html`) -> the file whose text the page shows: a post's or a page's
    /// Markdown, an issue's notes, an author's biography.
    public var sourceOfOutput: [String: String] {
        var map: [String: String] = [:]
        for article in graph.articles { map[article.route.outputPath] = article.document.sourcePath }
        for page in graph.pages { map[page.route.outputPath] = page.document.sourcePath }
        for language in config.languages.map(\.code) {
            // A home page shows the current issue's note.
            map[graph.homeRoute(for: language).outputPath] = graph.currentIssue?.sourcePath
            for issue in graph.issues {
                map[graph.issueRoute(issue.id, language: language).outputPath] = issue.sourcePath
            }
            for author in graph.authors.values {
                map[graph.authorRoute(author.id, language: language).outputPath] = author.sourcePath
            }
        }
        return map
    }

    /// Source path -> the route it is (or would be) published at.
    public var routeOfSource: [String: Route] {
        var map: [String: Route] = [:]
        for article in graph.articles { map[article.document.sourcePath] = article.route }
        for page in graph.pages { map[page.document.sourcePath] = page.route }
        return map
    }
}
