import DuetModel

/// Why the build stopped. Input problems arrive as diagnostics; these are the build's own failures.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    /// The input has errors; nothing was written.
    case invalidInput([Diagnostic])
    /// Writing the output failed; the previous output is untouched.
    case writeFailed(path: String, reason: String)
    /// The output folder would replace or sit inside the content or the theme.
    case unsafeOutput(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidInput(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .writeFailed(let path, let reason): return "\(path): error: cannot write output: \(reason)"
        case .unsafeOutput(let path, let reason): return "\(path): error: refusing to use this output folder: \(reason)"
        }
    }
}
