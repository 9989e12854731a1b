import ArgumentParser
import DuetBuild
import DuetCheck
import DuetModel
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a built site: links, fragments, assets, hreflang, canonicals, titles, descriptions, alt text, external loads.")

    @Option(help: "The built site to check.")
    var output = "_site"

    @Option(help: "The content folder the site was built from (findings point at its Markdown lines).")
    var source = "content"

    @Option(help: "The theme folder (URLs its templates hard-code are reported at the template's line; default: theme: in site.yml, else the built-in theme).")
    var theme: String?

    @Option(name: .customLong("base-url"), help: "The base URL the site was built with, when it was overridden.")
    var baseURL: String?

    @Flag(help: "Also check CJK typography in the Markdown sources.")
    var typography = false

    func run() throws {
        let prepared = try DiagnosticExit.reporting { () throws(DiagnosticError) in
            try ThemeChoice.resolve(flag: theme, source: source).prepare(cacheDirectory: nil)
        }
        defer { prepared.finish() }
        var checker = SiteChecker(output: output, source: source, theme: prepared.path, baseURL: baseURL, typography: typography)
        checker.themeDisplay = prepared.display
        let report = checker.run()
        DiagnosticPrinter().print(report.diagnostics)
        print(report.summary)
        if !report.succeeded { throw ExitCode(1) }
    }
}
