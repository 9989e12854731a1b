import ArgumentParser
import DuetBuild
import DuetModel
import Foundation

/// The options `duet build` and `duet serve` share: where the site comes from and goes, and what
/// it publishes.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder (site.yml, posts/, pages/, issues/, authors/, static/).")
    var source = "content"

    @Option(help: "The theme folder (default: theme: in site.yml, else the built-in theme).")
    var theme: String?

    @Option(help: "The output folder (written only when the build succeeds).")
    var output = "_site"

    @Flag(help: "Build everything, ignoring and not writing the incremental cache (.duet-cache/ beside the output folder).")
    var noCache = false

    @Flag(help: "Include posts dated in the future.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    /// The theme on disk for this run (the built-in one written out when no folder is named).
    func preparedTheme() throws -> PreparedTheme {
        try DiagnosticExit.reporting { () throws(DiagnosticError) in
            try ThemeChoice.resolve(flag: theme, source: source).prepare(cacheDirectory: cacheDirectory)
        }
    }

    /// `.duet-cache/` in the folder that holds the output folder: the project's root for `_site`.
    var cacheDirectory: String? {
        guard !noCache else { return nil }
        let parent = (output as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".duet-cache"
    }
}
