import DuetModel

/// Why a source file could not be read or parsed. Each case knows its location, so the CLI can
/// print `file:line:col: error: ...` without knowing which stage failed.
public enum SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(SourceLocation, reason: String)
    case invalidUTF8(SourceLocation)
    case emptyFile(SourceLocation)
    case unterminatedFrontMatter(SourceLocation)
    case invalidYAML(SourceLocation, problem: String)
    case frontMatterNotAMapping(SourceLocation, found: String)
    case duplicateKey(SourceLocation, key: String, firstLine: Int)
    case wrongType(SourceLocation, key: String, expected: String, found: String)
    case invalidDate(SourceLocation, text: String)
    case invalidConfig(SourceLocation, problem: String)
    case binaryFile(SourceLocation)
    case tooLarge(SourceLocation, bytes: Int, limit: Int)

    public var location: SourceLocation {
        switch self {
        case .unreadable(let l, _), .invalidUTF8(let l), .emptyFile(let l), .unterminatedFrontMatter(let l),
             .invalidYAML(let l, _), .frontMatterNotAMapping(let l, _), .duplicateKey(let l, _, _),
             .wrongType(let l, _, _, _), .invalidDate(let l, _), .invalidConfig(let l, _), .binaryFile(let l),
             .tooLarge(let l, _, _):
            return l
        }
    }

    public var message: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read file: \(reason)"
        case .invalidUTF8: return "file is not valid UTF-8 (save it as UTF-8)"
        case .emptyFile: return "file is empty"
        case .unterminatedFrontMatter:
            return "front matter is not terminated: the opening '---' has no closing '---' line"
        case .invalidYAML(_, let problem): return "invalid YAML in front matter: \(problem)"
        case .frontMatterNotAMapping(_, let found):
            return "front matter must be 'key: value' lines, found \(found)"
        case .duplicateKey(_, let key, let firstLine):
            return "duplicate front matter key '\(key)' (first set on line \(firstLine))"
        case .wrongType(_, let key, let expected, let found): return "'\(key)' must be \(expected), found \(found)"
        case .invalidDate(_, let text):
            return "invalid date '\(text)': expected YYYY-MM-DD, optionally followed by HH:MM[:SS] and an offset such as +0800"
        case .invalidConfig(_, let problem): return problem
        case .binaryFile: return "file is binary, not text (it contains NUL bytes): is it an image or a document saved under a .md name?"
        case .tooLarge(_, let bytes, let limit):
            let megabytes = { (count: Int) in String(format: "%.1f MB", Double(count) / 1_048_576) }
            return "file is \(megabytes(bytes)), over the \(megabytes(limit)) limit for one document (split it, or put data under static/)"
        }
    }

    public var description: String { diagnostic.description }

    public var diagnostic: Diagnostic { .error(message, at: location) }
}
