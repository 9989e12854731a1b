import DuetModel

/// Diagnostics as the lines the command line prints, for a given `OutputStyle`. Pure: the caller
/// supplies the source excerpt and writes the lines.
public struct DiagnosticFormatter: Sendable {
    public var style: OutputStyle

    public init(style: OutputStyle) {
        self.style = style
    }

    /// Whether a diagnostic is shown at all: `--quiet` keeps errors only.
    public func shows(_ diagnostic: Diagnostic) -> Bool {
        style.detail != .quiet || diagnostic.severity == .error
    }

    /// `path:line:col: error: message`, the source line and a caret; then, on GitHub Actions, the
    /// same diagnostic as a workflow command so it is annotated on the pull request's diff.
    public func lines(for diagnostic: Diagnostic, excerpt: (line: String, caretIndent: String?)?) -> [String] {
        guard shows(diagnostic) else { return [] }
        var lines = [headline(diagnostic)]
        if let excerpt {
            lines.append("    " + excerpt.line)
            if let indent = excerpt.caretIndent { lines.append("    " + indent + paint("^", ANSI.green)) }
        }
        if style.githubAnnotations { lines.append(Self.workflowCommand(for: diagnostic)) }
        return lines
    }

    /// A problem that is not about a source line (a write failure): printed as is, red when coloured.
    public func plainError(_ text: String) -> [String] {
        var lines = [style.colour ? text.replacing(": error: ", with: ": " + paint("error:", ANSI.red) + " ") : text]
        if style.githubAnnotations { lines.append("::error::" + Self.escapeData(text)) }
        return lines
    }

    private func headline(_ diagnostic: Diagnostic) -> String {
        guard style.colour else { return diagnostic.description }
        let colour = diagnostic.severity == .error ? ANSI.red : ANSI.magenta
        return paint("\(diagnostic.location):", ANSI.bold) + " " + paint("\(diagnostic.severity.rawValue):", colour)
            + " " + paint(diagnostic.message, ANSI.bold)
    }

    private func paint(_ text: String, _ code: String) -> String {
        style.colour ? code + text + ANSI.reset : text
    }

    /// `::error file=PATH,line=L,col=C::message`, escaped as GitHub's toolkit does: `%`, CR and LF
    /// in the message; additionally `:` and `,` in property values.
    public static func workflowCommand(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var properties = ["file=" + escapeProperty(location.file)]
        if location.line > 0 { properties.append("line=\(location.line)") }
        if location.column > 0 { properties.append("col=\(location.column)") }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
    }

    public static func escapeData(_ text: String) -> String {
        escape(text, also: [])
    }

    public static func escapeProperty(_ text: String) -> String {
        escape(text, also: [":", ","])
    }

    /// Scalar by scalar: a `"\r\n"` pair is one `Character` in Swift and would slip past a
    /// character-wise replacement.
    private static func escape(_ text: String, also extra: Set<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where extra.contains(":"): result += "%3A"
            case "," where extra.contains(","): result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// The few SGR sequences the command line uses.
enum ANSI {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let red = "\u{1B}[1;31m"
    static let magenta = "\u{1B}[1;35m"
    static let green = "\u{1B}[1;32m"
}
