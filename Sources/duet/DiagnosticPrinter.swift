import DuetBuild
import DuetModel
import Foundation

/// Prints diagnostics the way compilers do: `path:line:col: error: message`, then the offending
/// line and a caret under the column, so editors and CI logs link straight to the spot. The
/// formatting itself is `DiagnosticFormatter`'s; this only reads excerpts and writes stderr.
///
/// Every command prints through it, so `duet check`, `list` and `status` get the same colour and,
/// with `GITHUB_ACTIONS=true`, the same workflow annotations as `duet build`.
struct DiagnosticPrinter {
    var style = OutputStyle.resolve(environment: ProcessInfo.processInfo.environment,
                                    standardErrorIsTerminal: isatty(STDERR_FILENO) == 1)

    func print(_ diagnostics: [Diagnostic]) {
        let formatter = DiagnosticFormatter(style: style)
        var sources = SourceExcerpts()
        for diagnostic in diagnostics where formatter.shows(diagnostic) {
            for line in formatter.lines(for: diagnostic, excerpt: sources.excerpt(at: diagnostic.location)) {
                printLine(line)
            }
        }
    }

    /// A build's failure to write, which has no source line.
    func printError(_ text: String) {
        DiagnosticFormatter(style: style).plainError(text).forEach(printLine)
    }

    /// The phase timings and counts, under `--verbose`.
    func printDetails(of report: BuildReport) {
        guard style.detail == .verbose else { return }
        report.verboseLines.forEach(printLine)
    }

    func printLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
