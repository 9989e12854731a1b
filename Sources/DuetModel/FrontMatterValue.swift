/// A front matter value as the author typed it, with YAML 1.1 scalars already resolved.
///
/// Kept as a closed enum rather than `Any` so that the model stays `Sendable` and every
/// consumer has to say what it does with a list where it expected text.
public indirect enum FrontMatterValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([FrontMatterValue])
    case map([(key: String, value: FrontMatterValue)])

    public static func == (lhs: FrontMatterValue, rhs: FrontMatterValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .bool(let b): hasher.combine(b)
        case .null: hasher.combine(0)
        case .list(let l): hasher.combine(l)
        case .map(let m): for pair in m { hasher.combine(pair.key); hasher.combine(pair.value) }
        }
    }

    /// The value as text when it is a scalar: YAML turns `title: 1984` into a number,
    /// but an author still means the text "1984".
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }

    /// A short name for the kind of value, for diagnostics ("expected text, found a list").
    public var kindName: String {
        switch self {
        case .string: return "text"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .null: return "nothing"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}
