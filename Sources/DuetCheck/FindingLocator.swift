import DuetModel

/// Turns a finding in an output page into a diagnostic an author can act on: at the line of the
/// Markdown file that produced the page when the offending URL is written there, then at the theme
/// template that hard-codes it, otherwise at the tag in the output file (a URL a template computed,
/// or a page Duet generated).
public struct FindingLocator: Sendable {
    /// Output path -> the source path diagnostics print.
    public var sourceOfOutput: [String: String]
    /// Source path -> its text.
    public var sourceText: [String: String]
    /// Theme template path -> its text, searched in path order when the Markdown does not hold the URL.
    public var templateText: [String: String]
    /// How the user named the output folder (`_site`), the prefix of output locations.
    public var outputDisplay: String

    public init(sourceOfOutput: [String: String], sourceText: [String: String], templateText: [String: String] = [:],
                outputDisplay: String) {
        self.sourceOfOutput = sourceOfOutput
        self.sourceText = sourceText
        self.templateText = templateText
        self.outputDisplay = outputDisplay.hasSuffix("/") ? String(outputDisplay.dropLast()) : outputDisplay
    }

    public func diagnostic(for finding: PageFinding) -> Diagnostic {
        let outputLocation = SourceLocation(file: "\(outputDisplay)/\(finding.page)", line: finding.line, column: finding.column)
        guard let needle = finding.needle, !needle.isEmpty else {
            return Diagnostic(finding.severity, finding.message, at: outputLocation)
        }
        let spellings = [needle, LinkResolver.percentDecoded(needle), needle.replacing("&", with: "&amp;")]
        var candidates: [(String, String)] = []
        if let source = sourceOfOutput[finding.page], let text = sourceText[source] { candidates.append((source, text)) }
        candidates += templateText.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (file, text) in candidates {
            for spelling in spellings {
                if let (line, column) = Self.position(of: spelling, in: text) {
                    return Diagnostic(finding.severity, finding.message, at: SourceLocation(file: file, line: line, column: column))
                }
            }
        }
        return Diagnostic(finding.severity, finding.message, at: outputLocation)
    }

    /// The first place `needle` is written as a URL: right after `(`, `<`, a quote, `=` or a
    /// space, so a path that merely occurs inside a longer one is not taken for it.
    /// Line and column are 1-based, the column counted in Unicode scalars.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        let openers: Set<Character> = ["(", "<", "\"", "'", "=", " ", "\t"]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].firstRange(of: needle) {
                let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
                if before.map(openers.contains) ?? true {
                    return (index + 1, line.unicodeScalars[..<range.lowerBound].count + 1)
                }
                searchStart = line.index(after: range.lowerBound)
            }
        }
        return nil
    }
}
