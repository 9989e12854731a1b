import DuetModel
import DuetRender
import DuetSource
import Foundation

/// The one front half of every command: load -> parse -> graph -> plan. `duet build` and
/// `duet serve` go on to render and write; `duet check`, `list` and `status` read the graph and
/// the manifest; the fuzzer and the tests feed it in-memory files. Each stage is a function of
/// the previous one's result, so a caller can stop after any of them.
public struct SitePipeline: Sendable {
    /// What to build: which posts are published, and what overrides `site.yml`.
    public struct Settings: Sendable {
        public var selection: ContentSelection
        public var baseURL: String?
        /// Unpublished documents (`published: false`) get the route they would have, for commands
        /// that look a page up by its URL (`duet check`, `duet list`).
        public var routesUnpublished = false
        /// The editors' status page (the preview's `/status/`).
        public var statusPage = false
        /// The theme folder, whose `includes/` Liquid's `{% include %}` also reads.
        public var themeFolder: String?

        public init(selection: ContentSelection, baseURL: String? = nil) {
            self.selection = selection
            self.baseURL = baseURL
        }
    }

    /// The files of the site: the content folder and the theme, read.
    public struct Sources: Sendable {
        public var tree: SourceTree
        public var config: SiteConfig
        public var theme: ThemeLoader.Loaded?
        public var diagnostics: [Diagnostic]

        public init(tree: SourceTree, config: SiteConfig, theme: ThemeLoader.Loaded?, diagnostics: [Diagnostic]) {
            self.tree = tree
            self.config = config
            self.theme = theme
            self.diagnostics = diagnostics
        }

        /// The theme's static files and the site's, the site's winning at the same path (Hugo's lookup order).
        public var staticFiles: [StaticFile] {
            let content = tree.staticFiles
            let overridden = Set(content.map(\.outputPath))
            return (theme?.staticFiles ?? []).filter { !overridden.contains($0.outputPath) } + content
        }
    }

    /// The site as a model: parsed documents, issues, authors and the graph over them.
    public struct Model: Sendable {
        public var sources: Sources
        public var documents: [ParsedDocument]
        public var graph: SiteGraph
        public var diagnostics: [Diagnostic]
    }

    public var settings: Settings

    public init(settings: Settings) { self.settings = settings }

    // MARK: Load

    /// Reads the content folder; nil (and an error) when there is none.
    /// - Parameters:
    ///   - memo: a parse memo whose files need not be read again when their stamps say so.
    ///   - listing: the folder's files and stamps, as the build's input digest has just walked them.
    public static func scan(source: String, memo: ParseMemo? = nil, listing: SourceListing? = nil) -> Result<SourceTree, DiagnosticError> {
        let root = URL(fileURLWithPath: source)
        guard FileManager.default.fileExists(atPath: root.path) else {
            return .failure(DiagnosticError(.error("content folder does not exist", at: SourceLocation(file: source))))
        }
        return .success(SourceTree.scan(root: root, displayRoot: source, unchanged: memo.map { memo in { memo.isUnchanged($0, $1) } },
                                         listing: listing))
    }

    /// The theme, with the site's overrides under `content/theme/`.
    /// - Parameter display: how diagnostics name the theme folder when that is not its path (the built-in theme's copy).
    public static func loadTheme(_ theme: String, display: String? = nil, source: String,
                                 fingerprint: Bool = true) -> Result<ThemeLoader.Loaded, DiagnosticError> {
        Result { () throws(DiagnosticError) in
            try ThemeLoader(theme: URL(fileURLWithPath: theme), themeDisplay: display ?? theme,
                            override: URL(fileURLWithPath: source).appendingPathComponent("theme"),
                            overrideDisplay: "\(source)/theme", fingerprint: fingerprint).load()
        }
    }

    /// `site.yml` read, with the settings' overrides. The failure carries the tree's own problems too.
    public func sources(tree: SourceTree, theme: ThemeLoader.Loaded? = nil) -> Result<Sources, DiagnosticError> {
        do {
            let loaded = try SiteConfigLoader.loadWithWarnings(tree.config, path: tree.configPath)
            var config = loaded.config
            if let baseURL = settings.baseURL { config.baseURL = baseURL }
            return .success(Sources(tree: tree, config: config, theme: theme, diagnostics: tree.diagnostics + loaded.warnings))
        } catch {
            return .failure(DiagnosticError(tree.diagnostics + [error.diagnostic]))
        }
    }

    // MARK: Parse

    /// Every document parsed on all cores. `memo` answers for a file parsed before (the build
    /// cache's hook); it returns nil for a file it does not know.
    public func parse(_ sources: Sources, memo: ParseMemo? = nil) -> (documents: [ParsedDocument], diagnostics: [Diagnostic]) {
        let parsed = parseKeepingParser(sources, memo: memo)
        return (parsed.documents, parsed.diagnostics)
    }

    /// `parse`, with the parser it used: the preview parses a saved file again with it.
    func parseKeepingParser(_ sources: Sources, memo: ParseMemo?)
        -> (documents: [ParsedDocument], diagnostics: [Diagnostic], parser: DocumentParser, indexesDocuments: Bool) {
        var files = sources.tree.documents
        var liquid = liquidSite(sources, files: files)
        // A changed file that starts using `post_url` or `site.posts` needs every file's bytes,
        // even those the scan knew unchanged and left unread.
        if liquid.indexesDocuments, files.contains(where: \.isUnread) {
            files = files.map(Self.read)
            liquid = liquidSite(sources, files: files)
        }
        memo?.settle(config: sources.tree.config, including: liquid.digest, indexesDocuments: liquid.indexesDocuments)
        let parser = DocumentParser(config: sources.config, site: liquid)
        let results = ParallelMap.map(files) { file -> Result<ParseMemo.Entry, SourceError> in
            if let known = memo?.entry(for: file) { return .success(known) }
            // Left unread by the scan, but parsed before under other settings: read it now.
            let file = Self.read(file)
            return Result { () throws(SourceError) in
                let (document, warnings) = try parser.parse(file)
                return ParseMemo.Entry(document: document, warnings: warnings)
            }
        }
        var documents: [ParsedDocument] = []
        var diagnostics = liquid.diagnostics
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let entry):
                memo?.remember(entry, for: file)
                documents.append(entry.document)
                diagnostics += entry.warnings
            case .failure(let error):
                diagnostics.append(error.diagnostic)
            }
        }
        return (documents, diagnostics, parser, liquid.indexesDocuments)
    }

    private func liquidSite(_ sources: Sources, files: [SourceFile]) -> LiquidSite {
        var tree = sources.tree
        tree.documents = files
        guard let folder = settings.themeFolder else { return LiquidSite(tree: tree, config: sources.config) }
        return LiquidSite(tree: tree, config: sources.config, theme: URL(fileURLWithPath: folder), themeDisplay: folder)
    }

    /// The file with its bytes, when the scan left it unread (its path is as the user named it).
    private static func read(_ file: SourceFile) -> SourceFile {
        guard file.isUnread else { return file }
        var read = file
        read.data = FileManager.default.contents(atPath: file.path) ?? Data()
        read.isUnread = false
        return read
    }

    // MARK: Graph

    /// The issue and author files, read.
    public struct Registry: Sendable {
        public var issues: [IssueRecord]
        public var authors: [Author]
        public var diagnostics: [Diagnostic]
        /// What they were read from (the files, `site.yml`, which images exist), so a process
        /// that builds again (`duet serve`) reuses them while it is unchanged.
        public var key: UInt64
    }

    public func registry(_ sources: Sources, reusing previous: Registry? = nil) -> Registry {
        let assets = Set(sources.staticFiles.map { "/" + $0.outputPath })
        var digest = StableDigest()
        digest.combine(bytes: sources.tree.config ?? Data())
        // The one override of `site.yml` (`sources`): the build cache keeps a registry between runs.
        digest.combine(settings.baseURL ?? "\u{0}")
        for file in sources.tree.issueFiles + sources.tree.authorFiles {
            digest.combine(file.path)
            digest.combine(bytes: file.data)
        }
        for asset in assets.sorted() { digest.combine(asset) }
        if let previous, previous.key == digest.value { return previous }
        let (issues, issueDiagnostics) = IssueLoader.load(sources.tree.issueFiles, config: sources.config, assetExists: assets.contains)
        let (authors, authorDiagnostics) = AuthorLoader.load(sources.tree.authorFiles, assetExists: assets.contains)
        return Registry(issues: issues, authors: authors, diagnostics: issueDiagnostics + authorDiagnostics, key: digest.value)
    }

    public func model(_ sources: Sources, documents: [ParsedDocument], parseDiagnostics: [Diagnostic] = [],
                      registry: Registry? = nil) -> Model {
        let registry = registry ?? self.registry(sources)
        let graphed = settings.routesUnpublished ? documents.map(Self.publishable) : documents
        let (graph, graphDiagnostics) = SiteGraphBuilder(config: sources.config, selection: settings.selection).build(
            documents: graphed, issues: registry.issues, authors: registry.authors)
        return Model(sources: sources, documents: documents, graph: graph,
                     diagnostics: sources.diagnostics + parseDiagnostics + registry.diagnostics + graphDiagnostics)
    }

    /// The document as if `published: false` were not there, so an unpublished post still gets
    /// the route it would have: editors look it up by URL.
    private static func publishable(_ document: ParsedDocument) -> ParsedDocument {
        guard document.frontMatter.entry("published") != nil else { return document }
        var copy = document
        copy.frontMatter.entries.removeAll { $0.key == "published" }
        return copy
    }

    // MARK: Plan

    /// The manifest: every output of the site, each path claimed once. Needs the theme.
    public func plan(_ model: Model) -> (plan: SitePlan, strings: StringsCatalog, diagnostics: [Diagnostic])? {
        guard let theme = model.sources.theme else { return nil }
        let config = model.sources.config
        let (strings, stringsDiagnostics) = StringsCatalog.resolve(
            loaded: theme.theme.strings, paths: theme.stringsFiles, config: config,
            missingPath: { "\(theme.i18nFolder)/\($0).yml" })
        let staticFiles = model.sources.staticFiles
        var renderer = Renderer(theme: theme.theme, strings: strings, assets: theme.assets)
        renderer.epubImages = EpubImages.load(for: model.graph, from: staticFiles)
        var plan = renderer.plan(model.graph, staticFiles: staticFiles.map { CopiedFile(outputPath: $0.outputPath, source: $0.sourcePath) })
        if settings.statusPage {
            let graph = model.graph
            let stylesheet = theme.assets["css/duet.css"]
            plan.claim(PlannedOutput(path: SiteGraph.statusRoute.outputPath, kind: .status, claimant: "the editors' status page") {
                DependencyRecorder.current?.record(.volatile)
                return StatusPage(status: TranslationStatus(articles: graph.articles, config: config),
                                  config: config, stylesheet: stylesheet).render()
            })
        }
        return (plan, strings, stringsDiagnostics + plan.diagnostics)
    }
}
