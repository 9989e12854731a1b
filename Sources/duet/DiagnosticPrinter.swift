import DuetModel
import Foundation

/// Prints diagnostics the way compilers do: `path:line:col: error: message`, then the offending
/// line and a caret under the column, so editors and CI logs link straight to the spot.
struct DiagnosticPrinter {
    func print(_ diagnostics: [Diagnostic]) {
        var cache: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            printLine(diagnostic.description)
            let location = diagnostic.location
            guard location.line > 0 else { continue }
            if cache[location.file] == nil {
                let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
                cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let lines = cache[location.file], location.line <= lines.count else { continue }
            let line = lines[location.line - 1].replacing("\r", with: "")
            printLine("    " + line)
            if location.column > 0 {
                let indent = line.prefix(location.column - 1).map { $0 == "\t" ? "\t" : (isWide($0) ? "  " : " ") }.joined()
                printLine("    " + indent + "^")
            }
        }
    }

    func printLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// CJK characters take two columns in a terminal; the caret must account for that.
    private func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}
