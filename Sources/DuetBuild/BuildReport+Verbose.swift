/// What `--verbose` adds before the summary: where the time went and how much was handled.
extension BuildReport {
    /// `phases: load 0.012 s, parse 0.104 s, ...` and `counts: 40 source documents, ...`.
    public var verboseLines: [String] {
        var lines: [String] = []
        if !phases.isEmpty {
            lines.append("phases: " + phases.map { "\($0.name) \(Self.milliseconds($0.seconds))" }.joined(separator: ", "))
        }
        if !counts.isEmpty {
            lines.append("counts: " + counts.map { "\($0.count) \($0.label)" }.joined(separator: ", "))
        }
        let warnings = diagnostics.count { $0.severity == .warning }
        let errors = diagnostics.count { $0.severity == .error }
        lines.append("diagnostics: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return lines
    }

    private static func milliseconds(_ seconds: Double) -> String {
        "\(Int((seconds * 1000).rounded())) ms"
    }
}

/// The one-line progress display of a long build on a terminal: redrawn in place with a carriage
/// return, and erased before anything else is printed.
public enum ProgressLine {
    /// Carriage return and "erase line": leaves the cursor at the start of an empty line.
    public static let clear = "\r\u{1B}[2K"

    public static func text(phase: String, elapsed: Double, tick: Int) -> String {
        let spinner: [Character] = ["|", "/", "-", "\\"]
        let tenths = Int((elapsed * 10).rounded(.down))
        return clear + "\(spinner[tick % spinner.count]) building (\(phase)) \(tenths / 10).\(tenths % 10) s"
    }
}
