import ArgumentParser
import DuetBuild
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (the previous output is replaced only on success).")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Include posts marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let options = BuildOptions(source: site.source, theme: site.theme, output: site.output, includeDrafts: drafts,
                                   includeFuture: site.future, strict: strict, baseURL: site.baseURL,
                                   cacheDirectory: site.cacheDirectory)
        let report = Builder(options: options).build()
        let printer = DiagnosticPrinter()
        printer.print(report.diagnostics)
        if let failure = report.writeFailure { printer.printLine(failure.description) }
        print(report.summary)
        if !report.succeeded { throw ExitCode(1) }
    }
}
