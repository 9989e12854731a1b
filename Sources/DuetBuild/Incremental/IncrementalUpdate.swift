import DuetModel
import DuetRender
import DuetSource

/// Brings an output folder that the last build wrote up to date: renders and writes only the files
/// whose inputs changed (or that were changed or removed by hand), copies changed static files,
/// and removes what the site no longer has.
///
/// `duet build` stages the new folder (unchanged files hard-linked, changed ones written) and
/// swaps it in whole, so a killed build leaves the old site or the new one, never a mix. The
/// preview server updates in place instead, file by file (each renamed over the old), because it
/// needs the change on screen fast and only needs no page ever to be served half-written.
struct IncrementalUpdate {
    var folder: OutputFolder
    var previous: BuildCache
    var cacheFile: CacheFile
    var inPlace: Bool

    struct Outcome {
        var outputs: [String: BuildCache.Output]
        var renderedPages: Int
        var changedAnything: Bool
        /// Files that could not be made; when there are any, nothing was written.
        var failures: [Diagnostic] = []
    }

    func apply(plan: RenderPlan, inputs: [UInt64], staticFiles: [StaticFile]) throws(BuildError) -> Outcome {
        func isCurrent(_ path: String, _ digest: UInt64) -> Bool {
            guard let record = previous.outputs[path], record.inputs == digest else { return false }
            return folder.stamp(of: path) == record.stamp
        }
        let stale = zip(plan.jobs, inputs).filter { !isCurrent($0.0.path, $0.1) }
        let staticDigests = staticFiles.map(BuildDigests.staticFile)
        let staleStatic = zip(staticFiles, staticDigests).filter { !isCurrent($0.0.outputPath, $0.1) }
        let kept = Set(plan.jobs.map(\.path) + staticFiles.map(\.outputPath))
        let removed = previous.outputs.keys.filter { !kept.contains($0) }
        var outputs = previous.outputs.filter { kept.contains($0.key) }
        guard !stale.isEmpty || !staleStatic.isEmpty || !removed.isEmpty else {
            return Outcome(outputs: outputs, renderedPages: 0, changedAnything: false)
        }

        let (rendered, failures) = plan.render(stale.map(\.0))
        guard failures.isEmpty else {
            return Outcome(outputs: previous.outputs, renderedPages: 0, changedAnything: false, failures: failures)
        }
        if inPlace {
            cacheFile.invalidate()
            for (file, digest) in zip(rendered, stale.map(\.1)) {
                outputs[file.path] = BuildCache.Output(inputs: digest, stamp: try folder.replace(file))
            }
            for (file, digest) in staleStatic {
                outputs[file.outputPath] = BuildCache.Output(inputs: digest, stamp: try folder.copy(file))
            }
            for path in removed { try folder.remove(path) }
        } else {
            let rewritten = Set(stale.map(\.0.path) + staleStatic.map(\.0.outputPath))
            let carried = outputs.keys.filter { !rewritten.contains($0) }.sorted()
            try DiskStore(output: folder.root).write(rendered: rendered, copied: staleStatic.map(\.0), carried: carried)
            let written = stale.map { ($0.0.path, $0.1) } + staleStatic.map { ($0.0.outputPath, $0.1) }
            for (path, digest) in written {
                guard let stamp = folder.stamp(of: path) else {
                    throw .writeFailed(path: path, reason: "the file vanished after it was written")
                }
                outputs[path] = BuildCache.Output(inputs: digest, stamp: stamp)
            }
        }
        return Outcome(outputs: outputs, renderedPages: stale.count { $0.0.path.hasSuffix(".html") && $0.0.path != SiteGraph.statusRoute.outputPath }, changedAnything: true)
    }
}

extension OutputFolder {
    /// The record of a folder just written whole, for the next build to compare with.
    func records(plan: RenderPlan, inputs: [UInt64], staticFiles: [StaticFile]) -> [String: BuildCache.Output] {
        var outputs: [String: BuildCache.Output] = [:]
        for (job, digest) in zip(plan.jobs, inputs) {
            if let stamp = stamp(of: job.path) { outputs[job.path] = .init(inputs: digest, stamp: stamp) }
        }
        for file in staticFiles {
            if let stamp = stamp(of: file.outputPath) { outputs[file.outputPath] = .init(inputs: BuildDigests.staticFile(file), stamp: stamp) }
        }
        return outputs
    }
}
