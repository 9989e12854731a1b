import ArgumentParser
import DuetBuild
import DuetModel

/// `duet status`: the translators' to-do list, read straight from the content.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List articles that lack a translation or whose translation is older than the original.")

    @Option(help: "The content folder.")
    var source = "content"

    func run() throws {
        let (site, diagnostics) = SiteReader.read(source: source)
        let printer = DiagnosticPrinter()
        let errors = diagnostics.filter { $0.severity == .error }
        printer.print(errors)
        guard let site, errors.isEmpty else { throw ExitCode(1) }
        let status = TranslationStatus(articles: site.graph.articles, config: site.graph.config)
        if status.isEmpty {
            print("Every article is translated and up to date.")
        } else {
            print(status.table)
            let missing = status.rows.count { $0.state == .missing }
            print("\n\(missing) missing, \(status.rows.count - missing) outdated")
        }
    }
}
