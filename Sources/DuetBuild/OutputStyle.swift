/// How the command line talks: decided once from the environment and the flags, then passed to
/// pure formatting, so every combination can be tested without a terminal.
public struct OutputStyle: Sendable, Equatable {
    public enum Detail: Sendable, Equatable {
        /// Errors and the summary only.
        case quiet
        case normal
        /// Also phase timings and counts.
        case verbose
    }

    /// ANSI colour on diagnostics; off for pipes, files and `NO_COLOR`.
    public var colour: Bool
    /// GitHub Actions annotations (`::error file=...::`) next to the usual lines.
    public var githubAnnotations: Bool
    /// A live progress line; only where a person watches a terminal.
    public var progress: Bool
    public var detail: Detail

    public init(colour: Bool = false, githubAnnotations: Bool = false, progress: Bool = false, detail: Detail = .normal) {
        self.colour = colour
        self.githubAnnotations = githubAnnotations
        self.progress = progress
        self.detail = detail
    }

    /// - Parameters:
    ///   - environment: the process environment; `NO_COLOR` (any non-empty value, see no-color.org) and
    ///     `GITHUB_ACTIONS=true` are read.
    ///   - standardErrorIsTerminal: whether stderr is a TTY; colour and progress need one, so
    ///     CI logs and redirected output stay plain text.
    public static func resolve(environment: [String: String], standardErrorIsTerminal: Bool,
                               quiet: Bool = false, verbose: Bool = false) -> OutputStyle {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return OutputStyle(colour: standardErrorIsTerminal && !noColour,
                           githubAnnotations: environment["GITHUB_ACTIONS"] == "true",
                           progress: standardErrorIsTerminal && !quiet && environment["TERM"] != "dumb",
                           detail: quiet ? .quiet : (verbose ? .verbose : .normal))
    }
}
