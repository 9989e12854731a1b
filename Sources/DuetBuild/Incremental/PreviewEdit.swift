import DuetModel
import DuetRender
import DuetSource
import Foundation

/// What the preview's last successful build leaves in memory beyond its cache: the sources, the
/// plan and the answers to every read, so that a save the watcher reports is applied to them
/// instead of scanning, graphing and planning the whole site again.
struct LastBuild: Sendable {
    var sources: SitePipeline.Sources
    var graph: SiteGraph
    var plan: SitePlan
    var digests: OutputDigests
    var parser: DocumentParser
    var staticFiles: [String: StaticFile]
    var staticDigests: [String: UInt64]
    /// Every diagnostic of the build but the documents' parse warnings, which `warnings` holds by source path.
    var diagnostics: [Diagnostic]
    var warnings: [String: [Diagnostic]]
    /// The span of time in which the build's choice of posts (and their "future" notes) holds:
    /// outside it, only a whole build is right.
    var publication: (since: Int64, until: Int64)
    /// Source path -> the outputs that read its body, from the output records; kept a superset
    /// afterwards (a candidate is checked against its record).
    var bodyReaders: [String: Set<String>]
    /// Outputs a build left stale because a newer save was waiting (`BuildOptions.isSuperseded`).
    var unfinished: Set<String>
    /// The documents and the stylesheets and scripts by absolute path, as the watcher names them.
    let documentFiles: [String: SourceFile]
    let copiedAssets: [String: StaticFile]
    /// Its counts and its diagnostics: an edit of bodies keeps the counts, and usually the list.
    var report: BuildReport

    /// Made after the build's reload event, so what it gathers costs the next save nothing.
    init(sources: SitePipeline.Sources, graph: SiteGraph, documents: [ParsedDocument], plan: SitePlan, digests: OutputDigests,
         parser: DocumentParser, staticFiles: [String: StaticFile], staticDigests: [String: UInt64],
         diagnostics: [Diagnostic], memo: ParseMemo, cache: BuildCache, unfinished: Set<String>, report: BuildReport, selection: ContentSelection) {
        self.report = report
        // The documents' bytes are not kept: an edit reads the saved file again.
        var kept = sources
        kept.tree.documents = sources.tree.documents.map { file in
            var file = file
            file.data = Data()
            return file
        }
        (self.sources, self.graph, self.plan, self.digests, self.parser) = (kept, graph, plan, digests, parser)
        (self.staticFiles, self.staticDigests, self.unfinished) = (staticFiles, staticDigests, unfinished)
        var files: [String: SourceFile] = [:]
        for file in kept.tree.documents { files[PreviewEdit.absolute(file.path)] = file }
        documentFiles = files
        var assets: [String: StaticFile] = [:]
        // A fingerprinted stylesheet gets a new name, which every page links: not a copy.
        let renamed = Set((sources.theme?.assets ?? [:]).filter { $0.key != $0.value }.values)
        for file in staticFiles.values where (file.outputPath.hasSuffix(".css") || file.outputPath.hasSuffix(".js"))
            && !renamed.contains(file.outputPath) {
            assets[file.url.standardizedFileURL.path] = file
        }
        copiedAssets = assets
        bodyReaders = PreviewEdit.bodyReaders(of: cache)
        let paths = Set(documents.map(\.sourcePath))
        var warnings: [String: [Diagnostic]] = [:]
        for entry in memo.entries.values where paths.contains(entry.document.sourcePath) {
            warnings[entry.document.sourcePath] = entry.warnings
        }
        // Each warning once out of the whole list: what is left is what an edit of a body keeps.
        var counts: [Diagnostic: Int] = [:]
        for warning in warnings.values.joined() { counts[warning, default: 0] += 1 }
        self.diagnostics = diagnostics.filter { diagnostic in
            guard let count = counts[diagnostic], count > 0 else { return true }
            counts[diagnostic] = count - 1
            return false
        }
        self.warnings = warnings
        publication = selection.stableSpan(over: documents.compactMap { $0.unrecordedMeta.date?.secondsSinceEpoch })
    }
}

/// The preview's shortcut for the saves editors make most: an article's text, or a stylesheet.
///
/// A save that changed documents' bodies and nothing the graph reads (identity, front matter,
/// excerpt, the images the books embed) leaves every route, list and claim as it was: the graph
/// gets the new bodies (`SiteGraph.replacingBodies`), the plan renders from it, and only the
/// outputs whose records say they read one of those bodies are made again. A saved stylesheet or
/// script (which pages link by name in the preview) is copied. Anything else, or anything this
/// cannot be sure of, returns nil, and the whole incremental build runs.
struct PreviewEdit {
    var documents: [(file: SourceFile, entry: ParseMemo.Entry)] = []
    var copies: [StaticFile] = []
    /// The last build's graph with the saved bodies.
    var graph: SiteGraph

    /// - Parameter moment: the build's "now" (seconds), as its selection of posts has it.
    init?(changes: Set<String>, last: LastBuild, at moment: Int64) {
        guard !changes.isEmpty, moment >= last.publication.since, moment < last.publication.until else { return nil }
        for path in changes.sorted() {
            if let file = last.copiedAssets[path] {
                copies.append(file)
                continue
            }
            guard let known = last.documentFiles[path], let data = FileManager.default.contents(atPath: known.path),
                  let stamp = SourceStamp.of(path: known.path) else { return nil }
            let file = SourceFile(kind: known.kind, path: known.path, folderLanguage: known.folderLanguage, data: data, stamp: stamp)
            guard let (document, warnings) = try? last.parser.parse(file) else { return nil }
            let entry = ParseMemo.Entry(document: document, warnings: warnings)
            guard let old = last.graph.document(from: document.sourcePath), old.differsOnlyInBody(from: document),
                  IssueEpubs.imageSources(of: old) == IssueEpubs.imageSources(of: entry.document)
            else { return nil }
            documents.append((file, entry))
        }
        guard let graph = last.graph.replacingBodies(documents.map(\.entry.document)) else { return nil }
        self.graph = graph
    }

    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The outputs these saves make stale, in plan order, and the state after them.
    func apply(to last: LastBuild, cache: BuildCache) -> (plan: SitePlan, digests: OutputDigests,
                                                         stale: [PlannedOutput], readers: [String: Set<String>]) {
        let changed = documents.map(\.entry.document)
        let bodyDigests = Dictionary(documents.map { ($0.entry.document.sourcePath, $0.entry.digests) }, uniquingKeysWith: { $1 })
        let digests = last.digests.replacingBodies(
            model: last.digests.model.replacingBodies(in: graph, changed, digests: bodyDigests), paths: changed.map(\.sourcePath))
        let readers = last.bodyReaders
        var candidates: Set<String> = []
        for document in changed { candidates.formUnion(readers[document.sourcePath] ?? []) }
        let copied = Set(copies.map(\.outputPath))
        let stale = last.plan.outputs.filter { output in
            if copied.contains(output.path) { return true }
            // The editors' status page reads what no digest answers: it is made on every build.
            if output.kind == .status { return true }
            if last.unfinished.contains(output.path) { return true }
            guard candidates.contains(output.path), let record = cache.outputs[output.path] else { return false }
            return changed.contains { document in
                guard let index = cache.table.position(of: .body(document.sourcePath)),
                      let read = record.reads.first(where: { $0.index == index }) else { return false }
                return read.digest != bodyDigests[document.sourcePath]?.body
            }
        }
        return (last.plan.rendering(from: graph), digests, stale, readers)
    }

    static func bodyReaders(of cache: BuildCache) -> [String: Set<String>] {
        let reads = cache.table.reads
        var readers: [String: Set<String>] = [:]
        for (path, output) in cache.outputs {
            for read in output.reads where reads.indices.contains(Int(read.index)) {
                if case .body(let source) = reads[Int(read.index)] { readers[source, default: []].insert(path) }
            }
        }
        return readers
    }
}
