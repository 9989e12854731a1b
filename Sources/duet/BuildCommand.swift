import ArgumentParser
import DuetBuild
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (the previous output is replaced only on success).")

    @OptionGroup var site: SiteOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "Include posts marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let style = output.style
        let printer = DiagnosticPrinter(style: style)
        let now: Date
        do {
            now = try SourceDateEpoch.now(environment: ProcessInfo.processInfo.environment)
        } catch {
            printer.printError(error.description)
            throw ExitCode(1)
        }
        let theme = try site.preparedTheme()
        defer { theme.finish() }
        var options = BuildOptions(source: site.source, theme: theme.path, output: site.output, includeDrafts: drafts,
                                   includeFuture: site.future, strict: strict, baseURL: site.baseURL, now: now,
                                   cacheDirectory: site.cacheDirectory)
        options.themeDisplay = theme.display
        let progress = ProgressIndicator(enabled: style.progress)
        options.onPhase = { progress.enter($0) }
        let report = Builder(options: options).build()
        progress.finish()
        printer.print(report.diagnostics)
        if let failure = report.writeFailure { printer.printError(failure.description) }
        printer.printDetails(of: report)
        print(report.summary)
        if !report.succeeded { throw ExitCode(1) }
    }
}
