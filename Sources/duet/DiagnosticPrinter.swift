import DuetBuild
import DuetModel
import Foundation

/// Prints diagnostics the way compilers do: `path:line:col: error: message`, then the offending
/// line and a caret under the column, so editors and CI logs link straight to the spot.
struct DiagnosticPrinter {
    func print(_ diagnostics: [Diagnostic]) {
        var sources = SourceExcerpts()
        for diagnostic in diagnostics {
            printLine(diagnostic.description)
            guard let excerpt = sources.excerpt(at: diagnostic.location) else { continue }
            printLine("    " + excerpt.line)
            if let indent = excerpt.caretIndent { printLine("    " + indent + "^") }
        }
    }

    func printLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
