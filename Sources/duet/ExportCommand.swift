import ArgumentParser
import DuetBuild
import DuetModel
import Foundation

/// `duet export crossref`: what the editors upload to Crossref, printed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print files for other systems (a Crossref deposit).",
        subcommands: [CrossrefCommand.self])

    struct CrossrefCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crossref",
            abstract: "Print an issue's Crossref deposit: the bytes the build writes to crossref/<issue>.xml.")

        @Option(help: "The issue (e.g. 2025-q1); default: the latest issue with a registered article.")
        var issue: String?

        @Option(help: "The content folder.")
        var source = "content"

        @Option(help: "The theme folder (default: theme: in site.yml, else the built-in theme).")
        var theme: String?

        @Flag(help: "Include posts dated in the future, as 'duet build --future' would.")
        var future = false

        @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
        var baseURL: String?

        func run() throws {
            let now: Date
            do {
                now = try SourceDateEpoch.now(environment: ProcessInfo.processInfo.environment)
            } catch {
                DiagnosticPrinter().printError(error.description)
                throw ExitCode(1)
            }
            let prepared = try DiagnosticExit.reporting { () throws(DiagnosticError) in
                try ThemeChoice.resolve(flag: theme, source: source).prepare(cacheDirectory: nil)
            }
            defer { prepared.finish() }
            let options = BuildOptions(source: source, theme: prepared.path, includeFuture: future, baseURL: baseURL, now: now)
            switch CrossrefExport.deposit(options: options, issue: issue) {
            case .success(let xml): FileHandle.standardOutput.write(Data(xml.utf8))
            case .failure(let failure):
                DiagnosticPrinter().print(failure.diagnostics)
                throw ExitCode(1)
            }
        }
    }
}
