import DuetMarkdown
import DuetModel
import DuetRender
import DuetSource
import Foundation

/// The build, phase by phase: load -> parse -> graph -> render -> write. Every phase reports all
/// of its problems; nothing is written unless there is no error at all.
public struct Builder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into `store`, or into the output folder on disk when `store` is nil.
    public func build(into store: OutputStore? = nil) -> BuildReport {
        let started = ContinuousClock.now
        var report = BuildReport(diagnostics: [], pagesPerLanguage: [], sharedPages: 0, seconds: 0)
        func finish(_ report: inout BuildReport) -> BuildReport {
            let elapsed = ContinuousClock.now - started
            report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            report.diagnostics = options.strict ? report.diagnostics.promotingWarnings() : report.diagnostics
            report.diagnostics = report.diagnostics.sortedByLocation()
            return report
        }

        // Load
        let sourceRoot = URL(fileURLWithPath: options.source)
        guard FileManager.default.fileExists(atPath: sourceRoot.path) else {
            report.diagnostics.append(.error("content folder does not exist", at: SourceLocation(file: options.source)))
            return finish(&report)
        }
        let tree = SourceTree.scan(root: sourceRoot, displayRoot: options.source)
        report.diagnostics += tree.diagnostics
        var config: SiteConfig
        do {
            config = try SiteConfigLoader.load(tree.config, path: tree.configPath)
        } catch {
            report.diagnostics.append(error.diagnostic)
            return finish(&report)
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        let theme: ThemeLoader.Loaded
        do {
            theme = try ThemeLoader(theme: URL(fileURLWithPath: options.theme), themeDisplay: options.theme,
                                    override: sourceRoot.appendingPathComponent("theme"),
                                    overrideDisplay: "\(options.source)/theme").load()
        } catch {
            report.diagnostics += error.diagnostics
            return finish(&report)
        }

        // Parse
        let parser = DocumentParser(config: config)
        let parsed = ParallelMap.map(tree.documents) { file -> Result<(ParsedDocument, [Diagnostic]), SourceError> in
            Result { () throws(SourceError) in try parser.parse(file) }
        }
        var documents: [ParsedDocument] = []
        for result in parsed {
            switch result {
            case .success(let (document, warnings)):
                documents.append(document)
                report.diagnostics += warnings
            case .failure(let error):
                report.diagnostics.append(error.diagnostic)
            }
        }

        let staticFiles = Self.mergeStatic(theme: theme.staticFiles, content: tree.staticFiles)
        let assets = Set(staticFiles.map { "/" + $0.outputPath })
        let (issues, issueDiagnostics) = IssueLoader.load(tree.issueFiles, config: config, assetExists: assets.contains)
        let (authors, authorDiagnostics) = AuthorLoader.load(tree.authorFiles, assetExists: assets.contains)
        report.diagnostics += issueDiagnostics + authorDiagnostics

        // Graph
        let selection = ContentSelection(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture,
                                         now: Int64(options.now.timeIntervalSince1970.rounded(.down)))
        let (graph, graphDiagnostics) = SiteGraphBuilder(config: config, selection: selection).build(
            documents: documents,
            staticFiles: staticFiles.map { .init(outputPath: $0.outputPath, source: $0.sourcePath) },
            issues: issues, authors: authors)
        report.diagnostics += graphDiagnostics

        // Render
        let (strings, stringsDiagnostics) = StringsCatalog.resolve(
            loaded: theme.theme.strings, paths: theme.stringsFiles, config: config,
            missingPath: { "\(theme.i18nFolder)/\($0).yml" })
        report.diagnostics += stringsDiagnostics
        let epubs = IssueEpubs(graph: graph, strings: strings, images: EpubImages.load(for: graph, from: staticFiles)).render()
        var renderer = Renderer(theme: theme.theme, strings: strings, assets: theme.assets)
        renderer.downloads = epubs.sizes
        var (rendered, renderDiagnostics) = renderer.render(graph)
        rendered += epubs.files
        report.diagnostics += renderDiagnostics + epubs.diagnostics
        let pages = rendered.filter { $0.path.hasSuffix(".html") }
        report.pagesPerLanguage = config.languages.map { language in
            (language.code, pages.count { $0.path.hasPrefix(language.code + "/") })
        }
        report.sharedPages = pages.count - report.pagesPerLanguage.reduce(0) { $0 + $1.count }
        // The editors' status page is not part of the publication: the summary does not count it.
        if options.includeDrafts {
            rendered.append(StatusPage(status: TranslationStatus(articles: graph.articles, config: config,
                                                                 revisions: Revisions.of(documents, config: config)),
                                       config: config, stylesheet: theme.assets["css/duet.css"]).render())
        }

        // Write
        let checked = finish(&report)
        guard checked.succeeded else { return checked }
        report = checked
        do {
            try checkOutputIsSafe()
            try (store ?? DiskStore(output: URL(fileURLWithPath: options.output))).write(rendered: rendered, copied: staticFiles)
        } catch {
            report.writeFailure = error
        }
        return finish(&report)
    }

    /// The output folder is replaced whole, so it must never be, hold, or sit inside the content
    /// or the theme: `--output content` would otherwise swap the authors' work away.
    private func checkOutputIsSafe() throws(BuildError) {
        let output = URL(fileURLWithPath: options.output).standardizedFileURL.path
        for (name, folder) in [("content", options.source), ("theme", options.theme)] {
            let protected = URL(fileURLWithPath: folder).standardizedFileURL.path
            if output == protected || protected.hasPrefix(output + "/") || output.hasPrefix(protected + "/") || output == "/" {
                throw .unsafeOutput(path: options.output, reason: "it overlaps the \(name) folder \(folder)")
            }
        }
    }

    /// A site's own static file replaces the theme's file at the same path (Hugo's lookup order).
    static func mergeStatic(theme: [StaticFile], content: [StaticFile]) -> [StaticFile] {
        let overridden = Set(content.map(\.outputPath))
        return theme.filter { !overridden.contains($0.outputPath) } + content
    }
}
