extension LiquidFilters {
    static let collections: [String: Filter] = [
        "join": { call throws(Failure) in
            let separator = call.arguments.isEmpty ? " " : call.text(0)
            switch call.input {
            case .array(let items): return .string(items.map(\.text).joined(separator: separator))
            case .null: return .string("")
            case .string: return call.input
            default: throw Failure(message: "expected a list, found \(call.input.kindName)")
            }
        },
        "first": { call in
            switch call.input {
            case .array(let items): return items.first ?? .null
            case .string(let text): return text.first.map { .string(String($0)) } ?? .null
            default: return .null
            }
        },
        "last": { call in
            switch call.input {
            case .array(let items): return items.last ?? .null
            case .string(let text): return text.last.map { .string(String($0)) } ?? .null
            default: return .null
            }
        },
        "reverse": { call throws(Failure) in .array(try list(call.input).reversed()) },
        "compact": { call throws(Failure) in .array(try list(call.input).filter { $0 != .null }) },
        "uniq": { call throws(Failure) in
            var seen: [LiquidValue] = []
            for item in try list(call.input) where !seen.contains(item) { seen.append(item) }
            return .array(seen)
        },
        "concat": { call throws(Failure) in
            guard case .array(let more) = call.argument(0) else {
                throw Failure(message: "expected a list to add, found \(call.argument(0).kindName)")
            }
            return .array(try list(call.input) + more)
        },
        "map": { call throws(Failure) in
            let key = LiquidValue.string(call.text(0))
            return .array(try list(call.input).map { $0.member(key) })
        },
        "where": { call throws(Failure) in
            let key = LiquidValue.string(call.text(0))
            let wanted = call.arguments.count > 1 ? call.argument(1) : nil
            return .array(try list(call.input).filter { item in
                let value = item.member(key)
                guard let wanted else { return value.isTruthy }
                if case .array(let values) = value { return values.contains { $0.text == wanted.text } }
                return LiquidComparison.equal(value, wanted) || (value != .null && value.text == wanted.text)
            })
        },
        "sort": { call throws(Failure) in .array(try sorted(call, natural: false)) },
        "sort_natural": { call throws(Failure) in .array(try sorted(call, natural: true)) },
        "array_to_sentence_string": { call throws(Failure) in
            let items = try list(call.input).map(\.text)
            let connector = call.arguments.isEmpty ? "and" : call.text(0)
            switch items.count {
            case 0: return .string("")
            case 1: return .string(items[0])
            case 2: return .string("\(items[0]) \(connector) \(items[1])")
            default: return .string(items.dropLast().joined(separator: ", ") + ", \(connector) " + items[items.count - 1])
            }
        },
        "push": { call throws(Failure) in .array(try list(call.input) + [call.argument(0)]) },
        "group_by": { call throws(Failure) in
            let key = LiquidValue.string(call.text(0))
            var groups = LiquidObject()
            for item in try list(call.input) {
                let name = item.member(key).text
                if case .array(let members) = groups[name] { groups[name] = .array(members + [item]) } else { groups[name] = .array([item]) }
            }
            return .array(groups.pairs.map { .object(LiquidObject([("name", .string($0.0)), ("items", $0.1), ("size", .int($0.1.member(.string("size")).number?.intValue ?? 0))])) })
        },
    ]

    /// A list, or nil as an empty one; anything else is a mistake worth naming.
    static func list(_ value: LiquidValue) throws(Failure) -> [LiquidValue] {
        switch value {
        case .array(let items): return items
        case .null: return []
        default: throw Failure(message: "expected a list, found \(value.kindName)")
        }
    }

    /// Nils go last, as in Liquid; numbers compare as numbers, anything else as text.
    private static func sorted(_ call: Call, natural: Bool) throws(Failure) -> [LiquidValue] {
        let key = call.arguments.isEmpty ? nil : LiquidValue.string(call.text(0))
        let items = try list(call.input)
        return items.enumerated().sorted { a, b in
            let (x, y) = key.map { (a.element.member($0), b.element.member($0)) } ?? (a.element, b.element)
            if x == .null || y == .null { return x != .null && y == .null || (x == y && a.offset < b.offset) }
            if natural { return x.text.lowercased() < y.text.lowercased() }
            if let order = LiquidComparison.order(x, y), order != 0 { return order < 0 }
            return a.offset < b.offset
        }.map(\.element)
    }
}
