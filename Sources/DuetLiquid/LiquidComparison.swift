/// Liquid's `==`, `<`, `contains`, with `empty` and `blank` and mixed int/float numbers.
enum LiquidComparison {
    static func compare(_ left: LiquidValue, _ op: String, _ right: LiquidValue) -> Bool {
        switch op {
        case "==": return equal(left, right)
        case "!=": return !equal(left, right)
        case "contains":
            switch left {
            case .string(let text): return right == .null ? false : text.contains(right.text)
            case .array(let items): return items.contains { equal($0, right) }
            case .object(let object): return object[right.text] != nil
            default: return false
            }
        default:
            guard let order = order(left, right) else { return false }
            switch op {
            case "<": return order < 0
            case ">": return order > 0
            case "<=": return order <= 0
            case ">=": return order >= 0
            default: return false
            }
        }
    }

    static func equal(_ left: LiquidValue, _ right: LiquidValue) -> Bool {
        switch (left, right) {
        case (.empty, .empty), (.blank, .blank): return true
        case (.empty, let other), (let other, .empty): return other.isEmptyValue
        case (.blank, let other), (let other, .blank): return other.isBlankValue
        case (.int, .double), (.double, .int), (.double, .double):
            return (left.numeric ?? .nan) == (right.numeric ?? .nan)
        default: return left == right
        }
    }

    /// -1, 0, 1 for numbers with numbers and text with text; nil for anything else.
    static func order(_ left: LiquidValue, _ right: LiquidValue) -> Int? {
        if let a = left.numeric, let b = right.numeric { return a < b ? -1 : a > b ? 1 : 0 }
        switch (left, right) {
        case let (.string(a), .string(b)): return a < b ? -1 : a > b ? 1 : 0
        case let (.date(a), .date(b)): return a < b ? -1 : a > b ? 1 : 0
        default: return nil
        }
    }
}

extension LiquidValue {
    /// Numbers only (text is not compared as a number, as in Liquid).
    var numeric: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}
