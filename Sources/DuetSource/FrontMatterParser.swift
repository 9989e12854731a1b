import DuetModel
import Yams

/// Reads a front matter block with Yams (libyaml: the YAML 1.1 that Jekyll gets from Psych) into
/// `FrontMatter`, translating Yams' positions, which count from the block, into file positions.
enum FrontMatterParser {
    static func parse(_ yaml: String, firstLine: Int, path: String) throws(SourceError) -> FrontMatter {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: path, line: firstLine) }
            return SourceLocation(file: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, resolver, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, yaml: yaml, firstLine: firstLine, path: path)
        } catch {
            throw .invalidYAML(SourceLocation(file: path, line: firstLine), problem: String(describing: error))
        }
        guard let root else { return FrontMatter() }
        guard case .mapping(let mapping) = root else {
            throw .frontMatterNotAMapping(location(root.mark), found: value(of: root).kindName)
        }
        var entries: [FrontMatter.Entry] = []
        for (key, node) in mapping {
            let name = key.string ?? String(describing: key.any)
            entries.append(FrontMatter.Entry(key: name, value: value(of: node), location: location(key.mark)))
        }
        return FrontMatter(entries: entries)
    }

    /// No implicit types: `value(of:)` decides them itself on the scalar's bytes
    /// (`YAMLScalarKind`), as Yams' regular expressions would, so the keys Yams hashes for its
    /// duplicate check are not run through four regular expressions each either. A key is then
    /// always text: `1:` and `"1":` in one mapping are reported as a duplicate, as Duet reads
    /// both as the key `1`. The encoding is given so that Yams does not read the process
    /// environment for its default once per file, as it otherwise does.
    private static let resolver = Resolver.basic

    /// Resolved YAML 1.1 scalars; timestamps stay text because Yams cannot read `+0800` offsets
    /// and Duet's own date parser must see exactly what the author wrote.
    static func value(of node: Node) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar) where scalar.tag.rawValue.isEmpty:
            // Plain and untagged (a quoted or block scalar is tagged `!!str` by the parser).
            switch YAMLScalarKind.of(scalar.string) {
            case .int: return Int.construct(from: scalar).map(FrontMatterValue.int) ?? .string(scalar.string)
            case .float: return Double.construct(from: scalar).map(FrontMatterValue.double) ?? .string(scalar.string)
            case .bool(let value): return .bool(value)
            case .null: return .null
            case .string: return .string(scalar.string)
            }
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .int: return node.int.map(FrontMatterValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(FrontMatterValue.double) ?? .string(scalar.string)
            case .bool: return node.bool.map(FrontMatterValue.bool) ?? .string(scalar.string)
            case .null: return .null
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map(value(of:)))
        case .mapping(let mapping):
            return .map(mapping.map { (key: $0.key.string ?? String(describing: $0.key.any), value: value(of: $0.value)) })
        case .alias:
            return .null
        }
    }

    private static func translate(_ error: YamlError, yaml: String, firstLine: Int, path: String) -> SourceError {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, problemMark, _), let .parser(context, problem, problemMark, _),
             let .composer(context, problem, problemMark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            // An unclosed `[` or quote is found at the end of the block, which libyaml reports as the
            // line after it; the construct the author left open is where the context points.
            let lineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
            // libyaml notices a missing space after a key's colon (`date:2019`) on the next line,
            // and an unclosed quote at the end of the block: the context marks the line at fault.
            let late = problem.contains("could not find expected ':'") || problem.contains("unexpected end of stream")
            let mark = problemMark.line > lineCount || (problemMark.line == lineCount && yaml.hasSuffix("\n"))
                || (late && (context?.mark.line ?? problemMark.line) < problemMark.line)
                || problem.contains("unexpected end of stream")
                ? context?.mark ?? problemMark : problemMark
            let faulty = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(max(mark.line - 1, 0)).first ?? ""
            var hint = faulty.contains("\t") ? "; indent with spaces, YAML does not allow tabs" : ""
            if problem.contains("could not find expected ':'"), let colon = faulty.firstIndex(of: ":"),
               faulty[faulty.index(after: colon)...].first.map({ $0 != " " }) == true {
                hint += "; put a space after the ':' of '\(faulty[..<colon])'"
            }
            return .invalidYAML(at(mark), problem: detail + hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let indent = max(context.mark.column - 1, 0)
            let lines = keyLines(key, indent: indent, in: yaml)
            if lines.count >= 2 {
                return .duplicateKey(SourceLocation(file: path, line: lines[1] + firstLine - 1, column: indent + 1),
                                     key: key, firstLine: lines[0] + firstLine - 1)
            }
            return .duplicateKey(at(context.mark), key: key, firstLine: context.mark.line + firstLine - 1)
        case let .reader(problem, _, _, _):
            return .invalidYAML(SourceLocation(file: path, line: firstLine), problem: problem)
        default:
            return .invalidYAML(SourceLocation(file: path, line: firstLine), problem: String(describing: error))
        }
    }

    /// Yams reports a duplicate key without its lines; find every line that sets it, so the
    /// message can name both (Jekyll would silently keep the last one).
    /// Only lines indented like the mapping's own keys count, so a nested `title:` or a line of a
    /// `|` block that happens to read `title:` is not taken for the duplicate.
    private static func keyLines(_ key: String, indent: Int, in yaml: String) -> [Int] {
        var result: [Int] = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count == indent else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(candidate) {
                let rest = trimmed.dropFirst(candidate.count).drop { $0 == " " }
                if rest.hasPrefix(":") { result.append(offset + 1); break }
            }
        }
        return result
    }
}
