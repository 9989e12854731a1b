import ArgumentParser
import DuetCheck
import DuetModel
import Foundation

extension ListFormat: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every post and page with its URL, date, issue, authors and state (drafts and future posts included).")

    @Option(help: "The content folder.")
    var source = "content"

    @Flag(help: "Mark posts with 'draft: true' as included, as 'duet build --drafts' would.")
    var drafts = false

    @Flag(help: "Mark posts dated in the future as included, as 'duet build --future' would.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml (its path prefixes every URL).")
    var baseURL: String?

    @Option(help: "csv or json.")
    var format: ListFormat = .csv

    func run() throws {
        let model = SourceModel.load(source: source, baseURL: baseURL)
        let printer = DiagnosticPrinter()
        printer.print(model.diagnostics)
        let selection = ContentSelection(includeDrafts: drafts, includeFuture: future,
                                         now: Int64(Date().timeIntervalSince1970.rounded(.down)))
        FileHandle.standardOutput.write(Data(format.render(ListedPage.rows(of: model, selection: selection)).utf8))
        if model.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
