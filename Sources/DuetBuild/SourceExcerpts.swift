import DuetModel
import Foundation

/// The offending line of a diagnostic and the indent that puts a caret under its column, for the
/// terminal and for the preview server's error page alike. Files are read once each.
public struct SourceExcerpts {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    /// `nil` when the location has no line or the file cannot be read.
    public mutating func excerpt(at location: SourceLocation) -> (line: String, caretIndent: String?)? {
        guard location.line > 0 else { return nil }
        if lines[location.file] == nil {
            let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
            lines[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let fileLines = lines[location.file], location.line <= fileLines.count else { return nil }
        let line = fileLines[location.line - 1].replacing("\r", with: "")
        guard location.column > 0 else { return (String(line), nil) }
        let indent = line.prefix(location.column - 1).map { $0 == "\t" ? "\t" : (Self.isWide($0) ? "  " : " ") }.joined()
        return (String(line), indent)
    }

    /// CJK characters take two columns in a terminal or a monospaced block.
    static func isWide(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}
