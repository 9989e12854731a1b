import DuetModel

/// Why `duet new` or `duet import` wrote nothing. Each names the file at fault, so the message
/// reads like every other diagnostic: `path: error: message`.
public enum AuthoringError: Error, Hashable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case binaryInput(path: String, line: Int)
    case emptyInput(path: String)
    case unreadable(path: String, reason: String)
    case noLanguage(path: String, reason: String)
    case badTitle(String)
    /// A problem found in the input with its own location (`_config.yml:3:1: ...`).
    case invalid(Diagnostic)
    case notJekyllSite(path: String)
    case destinationNotEmpty(path: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .exists(let path):
            return .error("\(path) already exists; nothing was written (remove it or choose another title or --slug)",
                          at: SourceLocation(file: path))
        case .binaryInput(let path, let line):
            return .error("this is not a text file (NUL bytes or invalid UTF-8); extract the text from the PDF first",
                          at: SourceLocation(file: path, line: line))
        case .emptyInput(let path):
            return .error("the file has no text to import", at: SourceLocation(file: path))
        case .unreadable(let path, let reason):
            return .error("cannot read the file: \(reason)", at: SourceLocation(file: path))
        case .noLanguage(let path, let reason):
            return .error(reason, at: SourceLocation(file: path))
        case .badTitle(let reason):
            return .error(reason, at: SourceLocation(file: "<command line>"))
        case .invalid(let diagnostic):
            return diagnostic
        case .notJekyllSite(let path):
            return .error("this is not a Jekyll site (no _config.yml and no _posts/ folder); nothing was written",
                          at: SourceLocation(file: path))
        case .destinationNotEmpty(let path):
            return .error("the folder already has files; duet import jekyll never overwrites, so nothing was written (choose another --source)",
                          at: SourceLocation(file: path))
        }
    }

    public var description: String { diagnostic.description }
}
