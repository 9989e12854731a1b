import DuetModel
import DuetRender
import DuetSource
import Foundation

/// One run of `Builder.build`: the phases in order, each timed, with the report they fill.
struct BuildRun {
    let options: BuildOptions
    let started = ContinuousClock.now
    /// Before any input is stamped or read (`UpToDateRecord.stampedAt`).
    let startedAt = Date()
    /// Outputs this build found stale but left for a later one, since a newer save was waiting.
    var unfinished: Set<String> = []
    var report = BuildReport(diagnostics: [], pagesPerLanguage: [], sharedPages: 0, seconds: 0)
    var clock: PhaseClock
    /// Started once, and kept if the build must run again (`build(into:)`).
    private var loading: CacheFile.Loading?
    private var preparation: TwinFolder.Preparation?
    /// The bodies the trusted cache leaves in its side store, read as the build reads them.
    private var storedBodies: StoredBodies?

    init(options: BuildOptions) {
        self.options = options
        clock = PhaseClock(onPhase: options.onPhase)
    }

    mutating func build(into store: OutputStore?) {
        if store == nil, let session = options.session, let changes = options.changes, let last = session.last,
           let cache = session.cache, let memo = session.memo, let edit = PreviewEdit(changes: changes, last: last, at: options.pipeline.settings.selection.now) {
            applyEdit(edit, to: last, cache: cache, memo: memo, session: session)
            return
        }
        options.session?.forgetLastBuild()
        attempt(into: store, trustingStoredBodies: true)
        guard let bodies = storedBodies else { return }
        guard bodies.isDamaged else {
            clock.count("stored bodies read", bodies.readCount)
            return
        }
        // A body read this build was missing or damaged. Bodies are read late, by the renders
        // the plan chose, so the damage is found after the build has decided what to do: it
        // decides again, with every document parsed afresh (whose bodies the save then writes
        // back, mending the store). A render that read the damaged body was not written.
        (report, unfinished, storedBodies) = (BuildReport(diagnostics: [], pagesPerLanguage: [], sharedPages: 0, seconds: 0), [], nil)
        clock.forgetCounts()
        attempt(into: store, trustingStoredBodies: false)
        clock.count("stored bodies read", bodies.readCount)
        clock.count("builds again after a damaged stored body", 1)
    }

    private mutating func attempt(into store: OutputStore?, trustingStoredBodies: Bool) {
        let pipeline = options.pipeline
        clock.enter("load")
        // The parse memo comes first: with it, the scan skips reading the files it already knows.
        let cacheFile = store == nil && options.session == nil ? options.cacheDirectory.map {
            CacheFile(directory: URL(fileURLWithPath: $0), output: URL(fileURLWithPath: options.output))
        } : nil
        // Read on a spare core while the inputs are stamped.
        let loading = self.loading ?? cacheFile?.startLoading(tool: BuildCache.tool)
        self.loading = loading
        // Nothing touched since the last build, which left the output folder as it is: its outcome stands.
        let inputs = cacheFile.map { _ in InputStamps.of(roots: [options.source, options.theme], skipping: options.generatedFolders) }
        if let cacheFile, let inputs, let record = cacheFile.loadRecord(tool: BuildCache.tool, inputs: inputs.digest),
           record.stands(inputs: inputs, options: options.recordKey, at: pipeline.settings.selection.now,
                         folder: OutputFolder(root: URL(fileURLWithPath: options.output)),
                         cacheStamp: OutputFolder.stamp(of: cacheFile.url.path)) {
            clock.enter("up to date")
            report = record.report
            return
        }
        // The output folder's twin is made ready on another core while this one loads and plans.
        let preparation = self.preparation ?? cacheFile.flatMap { file in
            FileManager.default.fileExists(atPath: file.url.path) && FileManager.default.fileExists(atPath: options.output)
                ? TwinFolder.Preparation(file.twin, output: options.output) : nil
        }
        self.preparation = preparation
        let searchStore = cacheFile.map(SearchRecordStore.init(beside:))
        let searchReading = searchStore?.startReading(tool: BuildCache.tool)
        // The parses and stamps first: the output records are decoded meanwhile, needed from the graph on.
        let head = trusted(options.session?.cache ?? loading?.head, storedBodies: trustingStoredBodies)
        storedBodies = head?.stored
        let memo = options.session?.nextMemo()
            ?? ParseMemo(known: head?.parsed ?? [:], records: head?.records ?? [:], bodies: head?.stored,
                         stamps: head?.stamps ?? [:],
                         readsEverything: head?.readsEverything ?? false)
        let sources: SitePipeline.Sources
        do throws(DiagnosticError) {
            let tree = try SitePipeline.scan(source: options.source, memo: memo, listing: inputs?.listing).get()
            var read = try pipeline.sources(tree: tree).get()
            switch SitePipeline.loadTheme(options.theme, display: options.themeDisplay, source: options.source,
                                          fingerprint: options.fingerprintAssets) {
            case .success(let theme): read.theme = theme
            case .failure(let error):
                report.diagnostics += tree.diagnostics + error.diagnostics
                return
            }
            sources = read
        } catch {
            report.diagnostics += error.diagnostics
            return
        }
        let tree = sources.tree

        if cancelled() { return }
        clock.enter("parse")
        clock.count("source documents", tree.documents.count)
        let (documents, parseDiagnostics, parser, indexesDocuments) = pipeline.parseKeepingParser(sources, memo: memo)

        if cancelled() { return }
        clock.enter("graph")
        let previous = trusted(options.session?.cache ?? loading?.cache, storedBodies: trustingStoredBodies)
        // The preview server owns its output folder: its records are trusted without a look.
        let outputStamps = options.session == nil && store == nil ? previous.map {
            OutputStampCheck(previous: $0, folder: OutputFolder(root: URL(fileURLWithPath: options.output)))
        } : nil
        let registry = pipeline.registry(sources, reusing: options.session?.registry ?? previous?.registry)
        options.session?.registry = registry
        let model = pipeline.model(sources, documents: documents, parseDiagnostics: parseDiagnostics, registry: registry)
        report.diagnostics += model.diagnostics
        clock.count("articles", model.graph.articles.count)
        clock.count("pages", model.graph.pages.count)

        if cancelled() { return }
        clock.enter("plan")
        // The last build's reads are answered while the site is planned. Its table is kept (and
        // answered) even when nothing is current: a record left unfinished by the preview still
        // names reads by its numbers.
        let answering = OutputDigests.start(graph: model.graph, templates: sources.theme?.theme.templateDigests ?? [:],
                                            table: previous?.table ?? ReadTable(), documentDigests: memo.documentDigests)
        guard let (plan, strings, planDiagnostics) = pipeline.plan(model), let theme = sources.theme else { return }
        report.diagnostics += planDiagnostics
        report.count(plan, languages: sources.config.languages)
        // What the preview serves; the command line has no use for it.
        if options.session != nil { report.outputs = Set(plan.outputs.map(\.path)) }
        clock.count("output files", plan.outputs.count)
        report.diagnostics = report.finalDiagnostics(strict: options.strict)
        guard report.succeeded, !cancelled() else { return }
        if let searchReading { plan.searchRecords.load { searchReading.value } }
        options.session?.carrySearchRecords(into: plan.searchRecords)

        let staticFiles = Dictionary(sources.staticFiles.map { ($0.outputPath, $0) }, uniquingKeysWith: { _, site in site })
        let staticDigests = Dictionary(staticFiles.map { ($0.key, Self.digest(of: $0.value)) }, uniquingKeysWith: { first, _ in first })
        let staticDigest: @Sendable (String) -> UInt64 = { staticDigests[$0] ?? 0 }
        var next = BuildCache()
        next.parsed = memo.entries
        next.stamps = memo.stamps
        next.readsEverything = memo.indexesDocuments
        next.registry = registry
        next.site = siteDigest(sources, theme: theme, staticDigests: staticDigests)
        let folder = OutputFolder(root: URL(fileURLWithPath: options.output))
        // Select: with a record of the output folder, only the outputs whose recorded reads
        // changed, or all of them when a site-wide input did (written the same way, in place for
        // the preview); without a record, everything, into a fresh folder.
        let incremental = store == nil && previous != nil && FileManager.default.fileExists(atPath: folder.root.path)
        let siteUnchanged = previous?.site == next.site
        var selected = plan.outputs
        if incremental { clock.enter("select") }
        let digests = answering.finished(strings: strings)
        next.table = digests.table
        next.outputPaths = plan.pathsDigest
        if incremental, siteUnchanged, let previous {
            selected = IncrementalUpdate.stale(plan, previous: previous, stamps: outputStamps, digests: digests,
                                               staticDigest: staticDigest)
        }

        do {
            if incremental, let previous {
                var update = IncrementalUpdate(folder: folder, previous: previous, inPlace: options.updatesInPlace,
                                               willReplace: { cacheFile?.invalidate() })
                (update.twin, update.preparation) = (cacheFile?.twin, preparation)
                update.samePaths = previous.outputPaths == next.outputPaths && previous.outputs.count == plan.outputs.count
                guard let outcome = try writeIncrementally(selected, plan: plan, update: update, digests: digests,
                                                           staticFiles: staticFiles, staticDigest: staticDigest) else { return }
                report.renderedPages = outcome.renderedPages
                next.outputs = outcome.outputs
                let savesCache = outcome.changedAnything || next.hasParsesToSave(over: previous)
                if savesCache { clock.enter("save cache") }
                save(savesCache ? next : nil, records: next, inputs: inputs, documents: documents, cacheFile: cacheFile,
                     search: searchStore.map { ($0, plan.searchRecords) })
                outcome.pending?.wait()
            } else {
                clock.enter("render")
                let (rendered, failures) = plan.render(selected, isCancelled: options.isCancelled)
                guard !readDamagedBody() else { return }
                guard failures.isEmpty else {
                    report.diagnostics += cancelled() ? [] : failures
                    return
                }
                clock.enter("write")
                try Builder(options: options).checkOutputIsSafe()
                let copied = plan.outputs.filter { !$0.isRendered }.compactMap { staticFiles[$0.path] }
                if let store {
                    try store.write(rendered: rendered.map(\.file), copied: copied)
                } else {
                    let cleanup = try DiskStore(output: folder.root).write(rendered: rendered.map(\.file), copied: copied, carried: [],
                                                                           twin: cacheFile?.twin, preparation: preparation)
                    next.outputs = folder.records(rendered, digests: digests, staticFiles: copied, staticDigest: staticDigest)
                    clock.enter("save cache")
                    save(next, records: next, inputs: inputs, documents: documents, cacheFile: cacheFile,
                         search: searchStore.map { ($0, plan.searchRecords) })
                    cleanup?.wait()
                }
            }
            guard let session = options.session else {
                // `duet build` ends here: what the build held is freed on another core, or not at
                // all when the process exits first (the last 14 ms of a one-edit build at 2,000 articles).
                LateRelease.hand((consume previous, consume memo, consume model, consume plan, consume digests, next,
                                  consume documents, consume sources, consume answering, consume outputStamps, selected))
                (next, selected) = (BuildCache(), [])
                return
            }
            // What an edit in the preview is applied to, while no build has failed since. A site
            // whose Liquid indexes every document is built whole: any save may change the index.
            session.finished(next, memo: memo, last: indexesDocuments ? nil : LastBuild(
                sources: sources, graph: model.graph, documents: documents, plan: plan, digests: digests, parser: parser,
                staticFiles: staticFiles, staticDigests: staticDigests, diagnostics: report.diagnostics, memo: memo,
                cache: next, unfinished: unfinished, report: report, selection: options.pipeline.settings.selection))
        } catch {
            report.writeFailure = error
        }
    }

    /// After a build that wrote (or kept) every output: the cache when it changed, the record
    /// that lets the next build stop at once (`records` holds the outputs' stamps), and the
    /// search records when they changed (on a spare core meanwhile).
    private func save(_ cache: BuildCache?, records: BuildCache, inputs: InputStamps?, documents: [ParsedDocument], cacheFile: CacheFile?,
                      search: (store: SearchRecordStore, records: SearchRecords)?) {
        guard let cacheFile else { return }
        let searchSaving = search.flatMap { $0.store.startSaving($0.records, tool: BuildCache.tool) }
        defer { searchSaving?.wait() }
        var record: UpToDateRecord?
        if let inputs, report.succeeded {
            let (since, until) = options.pipeline.settings.selection.stableSpan(over: documents.compactMap { $0.unrecordedMeta.date?.secondsSinceEpoch })
            record = UpToDateRecord(
                inputs: inputs.digest, options: options.recordKey, stampedAt: Int(startedAt.timeIntervalSince1970 * 1e9), since: since,
                until: until, diagnostics: report.diagnostics, pagesPerLanguage: report.pagesPerLanguage, sharedPages: report.sharedPages,
                stylesheets: report.stylesheets, outputs: [])
        }
        cacheFile.save(cache, record: record, recorded: records.outputs, tool: BuildCache.tool)
    }

    /// A save in the preview that `PreviewEdit` can apply to the last build's model and plan.
    private mutating func applyEdit(_ edit: PreviewEdit, to last: LastBuild, cache: BuildCache, memo: ParseMemo,
                                    session: BuildSession) {
        clock.enter("edit")
        let (plan, digests, stale, readers) = edit.apply(to: last, cache: cache)
        var staticDigests = last.staticDigests
        for file in edit.copies { staticDigests[file.outputPath] = Self.digest(of: file) }
        let fixed = staticDigests
        let staticDigest: @Sendable (String) -> UInt64 = { fixed[$0] ?? 0 }
        var warnings = last.warnings
        for (_, entry) in edit.documents { warnings[entry.document.sourcePath] = entry.warnings }
        // The same paths, so the same counts; the same warnings (as a save of text usually has), the same list.
        if edit.documents.allSatisfy({ last.warnings[$0.entry.document.sourcePath] ?? [] == $0.entry.warnings }) {
            report.diagnostics = last.report.diagnostics
        } else {
            report.diagnostics = (last.diagnostics + warnings.keys.sorted().flatMap { warnings[$0] ?? [] }).sortedByLocation()
        }
        (report.pagesPerLanguage, report.sharedPages, report.stylesheets, report.outputs)
            = (last.report.pagesPerLanguage, last.report.sharedPages, last.report.stylesheets, last.report.outputs)
        report.diagnostics = report.finalDiagnostics(strict: options.strict)
        clock.count("output files", stale.count)
        var update = IncrementalUpdate(folder: OutputFolder(root: URL(fileURLWithPath: options.output)), previous: cache,
                                       inPlace: options.updatesInPlace)
        update.samePaths = true
        do {
            guard report.succeeded, let outcome = try writeIncrementally(stale, plan: plan, update: update, digests: digests,
                                                                         staticFiles: last.staticFiles, staticDigest: staticDigest) else {
                session.forgetLastBuild()
                return
            }
            report.renderedPages = outcome.renderedPages
            let memo = memo.replacing(edit.documents)
            var next = cache
            (next.parsed, next.stamps, next.outputs) = (memo.entries, memo.stamps, outcome.outputs)
            var updated = last
            (updated.graph, updated.plan, updated.digests) = (edit.graph, plan, digests)
            (updated.staticDigests, updated.warnings, updated.bodyReaders) = (staticDigests, warnings, readers)
            updated.unfinished = unfinished
            updated.report.diagnostics = report.diagnostics
            for output in stale {
                for read in outcome.outputs[output.path]?.reads ?? [] {
                    if case .body(let source) = next.table.read(at: read.index) { updated.bodyReaders[source, default: []].insert(output.path) }
                }
            }
            session.finished(next, memo: memo, last: updated)
        } catch {
            report.writeFailure = error
            session.forgetLastBuild()
        }
    }

    /// Renders and writes `selected` over the last build's folder. The preview writes what the
    /// reader is looking at first and says so (the reload event); the heavy outputs the edit also
    /// touched follow. Nil (with the failures reported) when a file could not be made.
    private mutating func writeIncrementally(_ selected: [PlannedOutput], plan: SitePlan, update: IncrementalUpdate,
                                             digests: OutputDigests, staticFiles: [String: StaticFile],
                                             staticDigest: @escaping @Sendable (String) -> UInt64) throws(BuildError) -> IncrementalUpdate.Outcome? {
        var update = update
        let deferred = options.onPagesWritten == nil ? [] : selected.filter { Self.deferredKinds.contains($0.kind) }
        let first = deferred.isEmpty ? selected : selected.filter { !Self.deferredKinds.contains($0.kind) }
        var outcome = try renderAndWrite(first, plan: plan, update: update, digests: digests, staticFiles: staticFiles,
                                         staticDigest: staticDigest)
        guard !readDamagedBody() else { return nil }
        if let onPagesWritten = options.onPagesWritten, report.succeeded {
            var pages = report
            pages.renderedPages = outcome?.renderedPages
            onPagesWritten(pages)
        }
        if let done = outcome, !deferred.isEmpty {
            // The twin's catching up must end before it is written through again.
            done.pending?.wait()
            update.previous.outputs = done.outputs
            // A newer save is waiting: it goes first, and these are made by a later build (their
            // records still hold the old reads; the preview's shortcut lists them as `unfinished`).
            if options.isSuperseded?() == true {
                unfinished = Set(deferred.map(\.path))
                return done
            }
            if let later = try renderAndWrite(deferred, plan: plan, update: update, digests: digests,
                                              staticFiles: staticFiles, staticDigest: staticDigest, interruptible: true) {
                outcome = IncrementalUpdate.Outcome(outputs: later.outputs, renderedPages: done.renderedPages + later.renderedPages,
                                                    changedAnything: true)
            }
        }
        return outcome
    }

    /// `cache`, or, when its stored bodies are not trusted, `cache` with no parses: every
    /// document is read and parsed again.
    private func trusted(_ cache: BuildCache?, storedBodies: Bool) -> BuildCache? {
        guard !storedBodies, var cache else { return cache }
        (cache.parsed, cache.records, cache.stored) = ([:], [:], nil)
        return cache
    }

    /// True when a stored body this build read was missing or damaged: what was rendered must
    /// not be written (`build(into:)` runs the build again).
    private func readDamagedBody() -> Bool { storedBodies?.isDamaged == true }

    /// True once `options.isCancelled` says so; the report then holds one "build cancelled" error.
    private mutating func cancelled() -> Bool {
        guard options.isCancelled?() == true else { return false }
        if !report.diagnostics.contains(where: { $0.message == "build cancelled" }) {
            report.diagnostics.append(.error("build cancelled", at: SourceLocation(file: options.source)))
        }
        return true
    }

    /// What the preview writes after the reload event: outputs no open page shows.
    static let deferredKinds: Set<PlannedOutput.Kind> = [.epub, .searchIndex, .sitemap, .feed, .status, .deposit, .citation]

    /// Renders `selected` and brings the folder up to date with it; nil (and the failures
    /// reported) when a file could not be made, in which case nothing was written.
    private mutating func renderAndWrite(_ selected: [PlannedOutput], plan: SitePlan, update: IncrementalUpdate,
                                         digests: OutputDigests, staticFiles: [String: StaticFile],
                                         staticDigest: @escaping @Sendable (String) -> UInt64,
                                         interruptible: Bool = false) throws(BuildError) -> IncrementalUpdate.Outcome? {
        clock.enter("render")
        let (isCancelled, isSuperseded) = (options.isCancelled, interruptible ? options.isSuperseded : nil)
        let stop: (@Sendable () -> Bool)? = isCancelled == nil && isSuperseded == nil ? nil
            : { @Sendable in isCancelled?() == true || isSuperseded?() == true }
        let (rendered, failures) = plan.render(selected, isCancelled: stop)
        guard !readDamagedBody() else { return nil }
        guard failures.isEmpty else {
            if isCancelled?() != true, isSuperseded?() == true {
                unfinished = Set(selected.map(\.path))
                return nil
            }
            report.diagnostics += cancelled() ? [] : failures
            return nil
        }
        clock.enter("write")
        try Builder(options: options).checkOutputIsSafe()
        return try update.apply(plan: plan, stale: selected, rendered: rendered, digests: digests,
                                staticFiles: staticFiles, staticDigest: staticDigest)
    }

    /// What every output depends on and no read records: this binary, `site.yml` and the
    /// options, the asset names every page links, and the static files (their set decides which
    /// images exist; the EPUBs embed some of them). Stylesheets and scripts count by name only:
    /// no render reads their bytes, so an edit of one rewrites that file alone.
    private func siteDigest(_ sources: SitePipeline.Sources, theme: ThemeLoader.Loaded, staticDigests: [String: UInt64]) -> UInt64 {
        var digest = StableDigest()
        digest.combine(BuildCache.tool)
        digest.combine(bytes: sources.tree.config ?? Data())
        digest.combine(options.baseURL ?? "")
        digest.combine(options.includeDrafts ? "drafts" : "")
        digest.combine(options.includeFuture ? "future" : "")
        for (name, output) in theme.assets.sorted(by: { $0.key < $1.key }) {
            digest.combine(name)
            digest.combine(output)
        }
        for (path, stamp) in staticDigests.sorted(by: { $0.key < $1.key }) {
            digest.combine(path)
            if !(path.hasSuffix(".css") || path.hasSuffix(".js")) { digest.combine(stamp) }
        }
        return digest.value
    }

    static func digest(of file: StaticFile) -> UInt64 {
        var digest = StableDigest()
        digest.combine(file.sourcePath)
        if let stamp = OutputFolder.stamp(of: file.url.path) {
            digest.combine(UInt64(stamp.size))
            digest.combine(UInt64(bitPattern: Int64(stamp.modified)))
        }
        return digest.value
    }

    mutating func finish() -> BuildReport {
        clock.stop()
        (report.phases, report.counts) = (clock.timings, clock.counts)
        let elapsed = ContinuousClock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report.diagnostics = report.finalDiagnostics(strict: options.strict)
        return report
    }
}

extension BuildReport {
    /// Sorted by place; with `--strict` every warning is an error.
    func finalDiagnostics(strict: Bool) -> [Diagnostic] {
        (strict ? diagnostics.promotingWarnings() : diagnostics).sortedByLocation()
    }

    /// The summary's counts, read off the manifest: pages per language, and shared pages (the
    /// language chooser, the 404 page); the editors' status page is not part of the publication.
    /// One pass over the paths' bytes: `String.hasPrefix` per page and language (Unicode-aware,
    /// 10,000 outputs at 2,000 articles) cost 14 M instructions of every edit.
    mutating func count(_ plan: SitePlan, languages: [Language]) {
        let prefixes = languages.map { Array(($0.code + "/").utf8) }
        var perLanguage = [Int](repeating: 0, count: languages.count)
        var pages = 0
        var sheets: [String] = []
        for index in plan.outputs.indices {
            switch plan.outputs[index].kind {
            case .page:
                pages += 1
                var path = plan.outputs[index].path
                path.withUTF8 { bytes in
                    if let language = prefixes.firstIndex(where: { bytes.starts(with: $0) }) { perLanguage[language] += 1 }
                }
            case .staticFile where plan.outputs[index].path.utf8.reversed().starts(with: ".css".utf8.reversed()):
                sheets.append(plan.outputs[index].path)
            default:
                break
            }
        }
        stylesheets = sheets.sorted()
        pagesPerLanguage = zip(languages, perLanguage).map { ($0.code, $1) }
        sharedPages = pages - perLanguage.reduce(0, +)
    }
}
