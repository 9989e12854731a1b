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
