import DuetModel
import Foundation

/// A value a template can see: Liquid's types, closed, so every filter says what it does with each.
///
/// Objects keep their keys in the order they were written, as Ruby hashes do (`jsonify` shows it).
public indirect enum LiquidValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(PublicationDate)
    case array([LiquidValue])
    case object(LiquidObject)
    /// Liquid's `empty` and `blank` literals: they only make sense in comparisons.
    case empty
    case blank

    /// Liquid's truth: only `nil` and `false` are false (an empty string is true).
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        default: return true
        }
    }

    /// What `{{ value }}` prints: `nil` prints nothing, an array its elements run together.
    public var text: String {
        switch self {
        case .null, .empty, .blank: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return Self.format(value)
        case .string(let value): return value
        case .date(let value): return LiquidDate.rubyText(value)
        case .array(let items): return items.map(\.text).joined()
        case .object(let object): return LiquidJSON.encode(.object(object))
        }
    }

    /// Ruby prints `2.0` for a whole float and `0.1` for a tenth.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return String(value)
    }

    public var kindName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "text"
        case .date: return "a date"
        case .array: return "a list"
        case .object: return "an object"
        case .empty: return "empty"
        case .blank: return "blank"
        }
    }

    /// `empty` matches an empty string, list or object; `blank` also matches nil, false and whitespace.
    var isEmptyValue: Bool {
        switch self {
        case .string(let value): return value.isEmpty
        case .array(let items): return items.isEmpty
        case .object(let object): return object.keys.isEmpty
        default: return false
        }
    }

    var isBlankValue: Bool {
        switch self {
        case .null, .bool(false): return true
        case .string(let value): return value.allSatisfy(\.isWhitespace)
        default: return isEmptyValue
        }
    }

    /// `a.b`, `a[0]`, and Liquid's virtual `size`, `first`, `last`.
    public func member(_ key: LiquidValue) -> LiquidValue {
        switch (self, key) {
        case (.object(let object), .string(let name)):
            if let value = object[name] { return value }
            return name == "size" ? .int(object.keys.count) : .null
        case (.array(let items), .int(let index)):
            let position = index < 0 ? items.count + index : index
            return items.indices.contains(position) ? items[position] : .null
        case (.array(let items), .string(let name)):
            switch name {
            case "size": return .int(items.count)
            case "first": return items.first ?? .null
            case "last": return items.last ?? .null
            default: return .null
            }
        case (.string(let text), .string("size")): return .int(text.count)
        case (.string(let text), .string("first")): return text.first.map { .string(String($0)) } ?? .null
        case (.string(let text), .string("last")): return text.last.map { .string(String($0)) } ?? .null
        default: return .null
        }
    }

    /// A number, when the value is one or is text that reads as one (Liquid's `to_number`).
    var number: LiquidNumber? {
        switch self {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let value = Int(trimmed) { return .int(value) }
            if let value = Double(trimmed), trimmed.contains(".") { return .double(value) }
            return nil
        default: return nil
        }
    }
}

/// Integer and float arithmetic stay apart, as in Ruby: `7 | divided_by: 2` is 3.
enum LiquidNumber {
    case int(Int)
    case double(Double)

    var double: Double {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        }
    }

    var value: LiquidValue {
        switch self {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        }
    }
}

/// An ordered string-keyed map.
public struct LiquidObject: Hashable, Sendable {
    public private(set) var keys: [String] = []
    private var values: [String: LiquidValue] = [:]

    public init(_ pairs: [(String, LiquidValue)] = []) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> LiquidValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }

    public var pairs: [(String, LiquidValue)] { keys.map { ($0, values[$0] ?? .null) } }
}

extension LiquidValue {
    /// Front matter and `site.yml` values as Liquid sees them.
    public init(_ value: FrontMatterValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .list(let items): self = .array(items.map(LiquidValue.init))
        case .map(let pairs): self = .object(LiquidObject(pairs.map { ($0.key, LiquidValue($0.value)) }))
        }
    }
}
