import DuetMarkdown
import DuetModel
import DuetRender
import DuetSource
import Foundation

/// The build, phase by phase: load -> parse -> graph -> plan -> select -> render -> write. Every
/// phase reports all of its problems; nothing is written unless there is no error at all.
/// Incremental work is a layer with two hooks: the parse memo, and the selection of the outputs
/// whose recorded reads changed.
public struct Builder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into `store`, or into the output folder on disk when `store` is nil.
    public func build(into store: OutputStore? = nil) -> BuildReport {
        var run = BuildRun(options: options)
        run.build(into: store)
        return run.finish()
    }

    /// The output folder is replaced whole, so it must never be, hold, or sit inside the content
    /// or the theme: `--output content` would otherwise swap the authors' work away.
    func checkOutputIsSafe() throws(BuildError) {
        let output = URL(fileURLWithPath: options.output).standardizedFileURL.path
        for (name, folder) in [("content", options.source), ("theme", options.theme)] {
            let protected = URL(fileURLWithPath: folder).standardizedFileURL.path
            if output == protected || protected.hasPrefix(output + "/") || output.hasPrefix(protected + "/") || output == "/" {
                throw .unsafeOutput(path: options.output, reason: "it overlaps the \(name) folder \(folder)")
            }
        }
    }
}

extension BuildOptions {
    /// Every option an output or a diagnostic can show: another value means another build.
    var recordKey: UInt64 {
        var digest = StableDigest()
        for text in [source, theme, themeDisplay ?? "", output, baseURL ?? "\u{0}"] { digest.combine(text) }
        for flag in [includeDrafts, includeFuture, fingerprintAssets] { digest.combine(flag ? 1 : 0) }
        return digest.value
    }

    /// The output folder and the cache, which a build writes and so never counts among its inputs.
    var generatedFolders: Set<String> {
        Set(([output] + (cacheDirectory.map { [$0] } ?? [])).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    /// The pipeline settings a build with these options uses.
    var pipeline: SitePipeline {
        var settings = SitePipeline.Settings(
            selection: ContentSelection(includeDrafts: includeDrafts, includeFuture: includeFuture,
                                        now: Int64(now.timeIntervalSince1970.rounded(.down))),
            baseURL: baseURL)
        settings.statusPage = includeDrafts
        settings.themeFolder = theme
        return SitePipeline(settings: settings)
    }
}
