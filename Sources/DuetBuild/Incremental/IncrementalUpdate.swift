import DuetModel
import DuetRender
import DuetSource

/// Brings an output folder that the last build wrote up to date: renders and writes only the
/// outputs one of whose recorded reads now answers differently (or that were changed or removed
/// by hand), copies changed static files, and removes what the site no longer has.
///
/// `duet build` stages the new folder (unchanged files hard-linked, changed ones written) and
/// swaps it in whole, so a killed build leaves the old site or the new one, never a mix. The
/// preview server updates in place instead, file by file (each renamed over the old), because it
/// needs the change on screen fast and only needs no page ever to be served half-written.
struct IncrementalUpdate {
    var folder: OutputFolder
    var previous: BuildCache
    var inPlace: Bool
    /// Called before the first file is replaced in place: a build that dies half-way must not
    /// leave a record of files it never wrote.
    var willReplace: () -> Void = {}
    /// The plan has the paths the previous build's had (the preview's edit of bodies, or a plan
    /// whose paths digest as the recorded ones did): nothing to remove, and no need to compare
    /// every path to find that out.
    var samePaths = false
    /// The command line's staged writes go through the twin (`TwinFolder`), surveyed while the build ran.
    var twin: TwinFolder?
    var preparation: TwinFolder.Preparation?

    struct Outcome {
        var outputs: [String: BuildCache.Output]
        var renderedPages: Int
        var changedAnything: Bool
        /// Work on the twin left for while the cache is saved: to wait for before exiting.
        var pending: TwinFolder.Pending? = nil
    }

    /// The outputs of `plan` that are not current, in plan order. Without `stamps` (the preview
    /// server, which owns its output folder) each file on disk is trusted to match its record.
    static func stale(_ plan: SitePlan, previous: BuildCache, stamps: OutputStampCheck?, digests: OutputDigests,
                      staticDigest: @Sendable (String) -> UInt64) -> [PlannedOutput] {
        let changed = stamps?.changedPaths ?? []
        let outputs = plan.outputs
        // A flag per output, the outputs themselves (strings and a closure each) copied only when stale.
        let isStale = ParallelMap.map(Array(outputs.indices)) { index -> Bool in
            let path = outputs[index].path
            guard let record = previous.outputs[path], changed.isEmpty || !changed.contains(path) else { return true }
            if outputs[index].isRendered {
                if record.inputs == BuildCache.Output.volatile { return true }
                for read in record.reads where digests.digest(at: read.index) != read.digest { return true }
                return false
            }
            return record.inputs != staticDigest(path)
        }
        return outputs.indices.filter { isStale[$0] }.map { outputs[$0] }
    }

    /// Writes `rendered` (the render of the rendered outputs among `stale`) and copies the stale static files.
    func apply(plan: SitePlan, stale: [PlannedOutput], rendered: [RenderedOutput], digests: OutputDigests,
               staticFiles: [String: StaticFile], staticDigest: @Sendable (String) -> UInt64) throws(BuildError) -> Outcome {
        var outputs = previous.outputs
        var removed: [String] = []
        var pending: TwinFolder.Pending?
        // Every planned path already recorded, and as many: nothing to remove, and no set of
        // every path to make (ten thousand of them at 2,000 articles) to find that out.
        if !samePaths, plan.outputs.count != outputs.count || plan.outputs.contains(where: { outputs[$0.path] == nil }) {
            let kept = Set(plan.outputs.map(\.path))
            removed = outputs.keys.filter { !kept.contains($0) }
            for path in removed { outputs[path] = nil }
        }
        guard !stale.isEmpty || !removed.isEmpty else {
            return Outcome(outputs: outputs, renderedPages: 0, changedAnything: false)
        }
        let copied = stale.filter { !$0.isRendered }.compactMap { staticFiles[$0.path] }
        let last = previous.outputs
        func record(_ output: RenderedOutput, _ stamp: FileStamp) -> BuildCache.Output {
            BuildCache.Output(rendered: output, digests: digests, stamp: stamp, last: last[output.file.path]?.reads ?? [])
        }
        if inPlace {
            willReplace()
            for output in rendered { outputs[output.file.path] = record(output, try folder.replace(output.file)) }
            for file in copied {
                outputs[file.outputPath] = .init(inputs: staticDigest(file.outputPath), reads: [], stamp: try folder.copy(file))
            }
            for path in removed { try folder.remove(path) }
        } else {
            let carried = Self.paths(of: outputs, except: stale.map(\.path))
            pending = try DiskStore(output: folder.root).write(rendered: rendered.map(\.file), copied: copied, carried: carried,
                                                     removed: removed, recorded: previous.outputs.count, twin: twin,
                                                     preparation: preparation)
            for output in rendered {
                outputs[output.file.path] = record(output, try folder.writtenStamp(of: output.file.path))
            }
            for file in copied {
                outputs[file.outputPath] = .init(inputs: staticDigest(file.outputPath), reads: [],
                                                 stamp: try folder.writtenStamp(of: file.outputPath))
            }
        }
        // The editors' status page (made on every preview build) is not a page of the publication.
        return Outcome(outputs: outputs, renderedPages: stale.count { $0.kind == .page }, changedAnything: true, pending: pending)
    }
}

extension IncrementalUpdate {
    /// The recorded paths but `rewritten`. An edit rewrites a handful of outputs: comparing each of
    /// 10,000 paths with those few costs less than hashing it for a set.
    static func paths(of outputs: [String: BuildCache.Output], except rewritten: [String]) -> [String] {
        guard rewritten.count <= 16 else {
            let set = Set(rewritten)
            return outputs.keys.filter { !set.contains($0) }
        }
        let counts = rewritten.map(\.utf8.count)
        return outputs.keys.filter { path in
            let count = path.utf8.count
            return !counts.indices.contains { counts[$0] == count && rewritten[$0] == path }
        }
    }
}

extension OutputFolder {
    func writtenStamp(of path: String) throws(BuildError) -> FileStamp {
        guard let stamp = stamp(of: path) else { throw .writeFailed(path: path, reason: "the file vanished after it was written") }
        return stamp
    }

    /// The record of a folder just written whole, for the next build to compare with; made on all cores.
    func records(_ rendered: [RenderedOutput], digests: OutputDigests, staticFiles: [StaticFile],
                 staticDigest: @Sendable (String) -> UInt64) -> [String: BuildCache.Output] {
        let stamps = ParallelMap.map(rendered) { stamp(of: $0.file.path) }
        let reads = digests.records(of: rendered.map(\.dependencies))
        var outputs: [String: BuildCache.Output] = [:]
        outputs.reserveCapacity(rendered.count + staticFiles.count)
        for ((output, stamp), reads) in zip(zip(rendered, stamps), reads) {
            guard let stamp else { continue }
            outputs[output.file.path] = BuildCache.Output(inputs: reads == nil ? BuildCache.Output.volatile : 0, reads: reads ?? [], stamp: stamp)
        }
        for file in staticFiles {
            guard let stamp = stamp(of: file.outputPath) else { continue }
            outputs[file.outputPath] = .init(inputs: staticDigest(file.outputPath), reads: [], stamp: stamp)
        }
        return outputs
    }
}

extension BuildCache.Output {
    /// `inputs` of an output that read something no digest answers (the status page): never current.
    static let volatile = UInt64.max

    init(rendered: RenderedOutput, digests: OutputDigests, stamp: FileStamp, last: [BuildCache.Read] = []) {
        let reads = digests.record(of: rendered.dependencies, last: last)
        self.init(inputs: reads == nil ? Self.volatile : 0, reads: reads ?? [], stamp: stamp)
    }
}
