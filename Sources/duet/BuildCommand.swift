import ArgumentParser
import DuetBuild
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (the previous output is replaced only on success).")

    @Option(help: "The content folder (site.yml, posts/, pages/, static/).")
    var source = "content"

    @Option(help: "The theme folder.")
    var theme = "themes/default"

    @Option(help: "The output folder.")
    var output = "_site"

    @Flag(help: "Include posts marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Include posts dated in the future.")
    var future = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    func run() throws {
        let options = BuildOptions(source: source, theme: theme, output: output, includeDrafts: drafts,
                                   includeFuture: future, strict: strict, baseURL: baseURL)
        let report = Builder(options: options).build()
        let printer = DiagnosticPrinter()
        printer.print(report.diagnostics)
        if let failure = report.writeFailure { printer.printLine(failure.description) }
        print(report.summary)
        if !report.succeeded { throw ExitCode(1) }
    }
}
