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
        }
    }

    public var description: String { diagnostic.description }
}
