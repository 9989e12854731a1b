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
        var clock = PhaseClock(onPhase: options.onPhase)
        func finish(_ report: inout BuildReport) -> BuildReport {
            clock.stop()
            (report.phases, report.counts) = (clock.timings, clock.counts)
            let elapsed = ContinuousClock.now - started
            report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            report.diagnostics = options.strict ? report.diagnostics.promotingWarnings() : report.diagnostics
            report.diagnostics = report.diagnostics.sortedByLocation()
            return report
        }

        /// True once `options.isCancelled` says so; the report then holds a "build cancelled" error.
        func cancelled(_ report: inout BuildReport) -> Bool {
            guard options.isCancelled?() == true else { return false }
            report.diagnostics.append(.error("build cancelled", at: SourceLocation(file: options.source)))
            return true
        }

        // Load
        clock.enter("load")
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

        if cancelled(&report) { return finish(&report) }
        clock.enter("parse")
        clock.count("source documents", tree.documents.count)
        // Parse: a file whose bytes (and the settings parsing reads) are unchanged since the last
        // build is not parsed again.
        let cacheFile = store == nil ? options.cacheDirectory.map {
            CacheFile(directory: URL(fileURLWithPath: $0), output: URL(fileURLWithPath: options.output))
        } : nil
        let previous = cacheFile?.load(tool: BuildDigests.tool)
        var next = BuildCache()
        let configDigest = StableDigest.of(bytes: tree.config ?? Data())
        let parser = DocumentParser(config: config)
        let keys = tree.documents.map { BuildDigests.parseKey($0, config: configDigest) }
        let parsed = ParallelMap.map(Array(zip(tree.documents, keys))) { file, key -> Result<BuildCache.Parsed, SourceError> in
            if let cached = previous?.parsed[key] { return .success(cached) }
            return Result { () throws(SourceError) in
                let (document, warnings) = try parser.parse(file)
                return BuildCache.Parsed(document: document, warnings: warnings)
            }
        }
        var documents: [ParsedDocument] = []
        var documentDigests: [String: (whole: UInt64, listed: UInt64)] = [:]
        for (result, key) in zip(parsed, keys) {
            switch result {
            case .success(let entry):
                documents.append(entry.document)
                documentDigests[entry.document.sourcePath] = (key, BuildDigests.listing(of: entry.document))
                next.parsed[key] = entry
                report.diagnostics += entry.warnings
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
        if cancelled(&report) { return finish(&report) }
        clock.enter("graph")
        let selection = ContentSelection(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture,
                                         now: Int64(options.now.timeIntervalSince1970.rounded(.down)))
        let (graph, graphDiagnostics) = SiteGraphBuilder(config: config, selection: selection).build(
            documents: documents,
            staticFiles: staticFiles.map { .init(outputPath: $0.outputPath, source: $0.sourcePath) },
            issues: issues, authors: authors)
        report.diagnostics += graphDiagnostics

        // Render
        if cancelled(&report) { return finish(&report) }
        clock.enter("render")
        clock.count("articles", graph.articles.count)
        clock.count("pages", graph.pages.count)
        let (strings, stringsDiagnostics) = StringsCatalog.resolve(
            loaded: theme.theme.strings, paths: theme.stringsFiles, config: config,
            missingPath: { "\(theme.i18nFolder)/\($0).yml" })
        report.diagnostics += stringsDiagnostics
        let epubImages = EpubImages.load(for: graph, from: staticFiles)
        var renderer = Renderer(theme: theme.theme, strings: strings, assets: theme.assets)
        renderer.epubImages = epubImages
        var plan = renderer.plan(graph)
        report.diagnostics += plan.diagnostics
        let pages = plan.jobs.map(\.path).filter { $0.hasSuffix(".html") }
        report.pagesPerLanguage = config.languages.map { language in
            (language.code, pages.count { $0.hasPrefix(language.code + "/") })
        }
        report.sharedPages = pages.count - report.pagesPerLanguage.reduce(0) { $0 + $1.count }
        // The editors' status page is not part of the publication: the summary does not count it.
        if options.includeDrafts {
            let status = StatusPage(status: TranslationStatus(articles: graph.articles, config: config,
                                                              revisions: Revisions.of(documents, config: config)),
                                    config: config, stylesheet: theme.assets["css/duet.css"])
            plan.jobs.append(PageJob(path: SiteGraph.statusRoute.outputPath, dependencies: .everything) { status.render() })
        }

        clock.count("output files", plan.jobs.count + staticFiles.count)
        if cancelled(&report) { return finish(&report) }
        if let isCancelled = options.isCancelled { plan.jobs = plan.jobs.map { $0.stopping(when: isCancelled) } }
        let checked = finish(&report)
        guard checked.succeeded else { return checked }
        report = checked
        clock.enter("write")
        do {
            try checkOutputIsSafe()
        } catch {
            report.writeFailure = error
            return finish(&report)
        }

        // What each output is made from, to compare with the last build's record.
        var site = StableDigest()
        site.combine(BuildDigests.tool)
        site.combine(configDigest)
        site.combine(theme.digest)
        site.combine(options.baseURL ?? "")
        site.combine(BuildDigests.shape(of: graph))
        for file in tree.issueFiles + tree.authorFiles {
            site.combine(file.path)
            site.combine(bytes: file.data)
        }
        for file in staticFiles where epubImages["/" + file.outputPath] != nil { site.combine(BuildDigests.staticFile(file)) }
        var everything = site
        for path in documentDigests.keys.sorted() { everything.combine(documentDigests[path]?.whole ?? 0) }
        let inputs = plan.jobs.map { job -> UInt64 in
            switch job.dependencies {
            case .everything: return everything.value
            case .documents(let whole, let listed):
                var digest = site
                for path in whole { digest.combine(documentDigests[path]?.whole ?? 0) }
                digest.combine("listed")
                for path in listed { digest.combine(documentDigests[path]?.listed ?? 0) }
                return digest.value
            }
        }

        // Render and write: everything into a fresh folder swapped in whole, or, when the last
        // build left a record of the output folder, only the files whose inputs changed, in place.
        let outputFolder = OutputFolder(root: URL(fileURLWithPath: options.output))
        do {
            if let previous, let cacheFile, FileManager.default.fileExists(atPath: outputFolder.root.path) {
                let outcome = try IncrementalUpdate(folder: outputFolder, previous: previous, cacheFile: cacheFile,
                                                    inPlace: options.updatesInPlace)
                    .apply(plan: plan, inputs: inputs, staticFiles: staticFiles)
                report.diagnostics += outcome.failures
                report.renderedPages = outcome.renderedPages
                next.outputs = outcome.outputs
                if outcome.changedAnything || Set(next.parsed.keys) != Set(previous.parsed.keys) {
                    cacheFile.save(next, tool: BuildDigests.tool)
                }
            } else {
                let (rendered, failures) = plan.renderAll()
                guard failures.isEmpty else {
                    report.diagnostics += failures
                    return finish(&report)
                }
                try (store ?? DiskStore(output: outputFolder.root)).write(rendered: rendered, copied: staticFiles)
                if let cacheFile {
                    next.outputs = outputFolder.records(plan: plan, inputs: inputs, staticFiles: staticFiles)
                    cacheFile.save(next, tool: BuildDigests.tool)
                }
            }
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
