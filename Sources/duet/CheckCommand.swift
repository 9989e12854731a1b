import ArgumentParser
import DuetCheck
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a built site: links, fragments, assets, hreflang, canonicals, titles, descriptions, alt text, external loads.")

    @Option(help: "The built site to check.")
    var output = "_site"

    @Option(help: "The content folder the site was built from (findings point at its Markdown lines).")
    var source = "content"

    @Option(help: "The theme folder (URLs its templates hard-code are reported at the template's line).")
    var theme = "themes/default"

    @Option(name: .customLong("base-url"), help: "The base URL the site was built with, when it was overridden.")
    var baseURL: String?

    @Flag(help: "Also check CJK typography in the Markdown sources.")
    var typography = false

    func run() throws {
        let report = SiteChecker(output: output, source: source, theme: theme, baseURL: baseURL, typography: typography).run()
        DiagnosticPrinter().print(report.diagnostics)
        print(report.summary)
        if !report.succeeded { throw ExitCode(1) }
    }
}
