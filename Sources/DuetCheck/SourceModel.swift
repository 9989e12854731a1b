import DuetBuild
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

    /// Output path (`en/x/index.html`) -> the file whose text the page shows, read off the
    /// build's manifest (empty without a theme).
    public var sourceOfOutput: [String: String]

    /// - Parameters:
    ///   - source: the content folder as the user named it; paths in the model start with it.
    ///   - theme: the theme folder, for the manifest of outputs; nil reads the content only.
    ///   - baseURL: replaces `base_url` from `site.yml` (`--base-url`).
    public static func load(source: String, theme: String? = nil, baseURL: String? = nil) -> SourceModel {
        var settings = SitePipeline.Settings(selection: ContentSelection(includeDrafts: true, includeFuture: true, now: 0),
                                             baseURL: baseURL)
        settings.routesUnpublished = true
        settings.themeFolder = theme
        let pipeline = SitePipeline(settings: settings)
        var model = SourceModel(config: SiteConfig(), documents: [], graph: SiteGraph(config: SiteConfig(), articles: [], pages: []),
                                sources: [:], typography: TypographySettings(), diagnostics: [], sourceOfOutput: [:])
        let sources: SitePipeline.Sources
        switch SitePipeline.scan(source: source).flatMap({ pipeline.sources(tree: $0) }) {
        case .success(let read): sources = read
        case .failure(let error):
            // Without `site.yml` read, the files can still be checked as text.
            if case .success(let tree) = SitePipeline.scan(source: source) { model.sources = Self.texts(of: tree) }
            model.diagnostics = error.diagnostics.sortedByLocation()
            return model
        }
        var read = sources
        if let theme, case .success(let loaded) = SitePipeline.loadTheme(theme, source: source) { read.theme = loaded }
        let (documents, parseDiagnostics) = pipeline.parse(read)
        let site = pipeline.model(read, documents: documents, parseDiagnostics: parseDiagnostics)
        model.config = read.config
        model.documents = documents
        model.graph = site.graph
        model.sources = Self.texts(of: read.tree)
        model.diagnostics = site.diagnostics
        if let data = read.tree.config {
            do {
                model.typography = try TypographySettings(siteYAML: YAMLFile.parse(data, path: read.tree.configPath))
            } catch {
                model.diagnostics.append(error.diagnostic)
            }
        }
        if let (plan, _, planDiagnostics) = pipeline.plan(site) {
            model.diagnostics += planDiagnostics
            for output in plan.outputs where output.kind == .page {
                if let file = output.source { model.sourceOfOutput[output.path] = file }
            }
        }
        model.diagnostics = model.diagnostics.sortedByLocation()
        return model
    }

    private static func texts(of tree: SourceTree) -> [String: Data] {
        Dictionary((tree.documents + tree.issueFiles + tree.authorFiles).map { ($0.path, $0.data) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Source path -> the route it is (or would be) published at.
    public var routeOfSource: [String: Route] {
        var map: [String: Route] = [:]
        for article in graph.articles { map[article.document.sourcePath] = article.route }
        for page in graph.pages { map[page.document.sourcePath] = page.route }
        return map
    }
}
