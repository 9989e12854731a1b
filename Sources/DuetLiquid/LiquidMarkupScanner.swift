/// Markup inside `{{ }}` and `{% %}` -> small tokens, then the expressions above.
struct LiquidMarkupScanner {
    enum Token: Equatable {
        case identifier(String)
        case string(String)
        case int(Int)
        case double(Double)
        case symbol(String)
    }

    struct Failure: Error {
        var message: String
    }

    private(set) var tokens: [Token] = []
    private var position = 0

    init(_ markup: String) throws(Failure) {
        let bytes = Array(markup.utf8)
        var index = 0
        func isIdentifierByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || isDigit(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?")
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let end = bytes[(index + 1)...].firstIndex(of: byte) else {
                    throw Failure(message: "a quoted string is never closed")
                }
                tokens.append(.string(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)))
                index = end + 1
                continue
            }
            let startsNumber = isDigit(byte) || (byte == UInt8(ascii: "-") && index + 1 < bytes.count && isDigit(bytes[index + 1]))
            if startsNumber {
                var end = index + 1
                while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                var isFloat = false
                if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) {
                    isFloat = true
                    end += 1
                    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                }
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                if isFloat, let value = Double(text) { tokens.append(.double(value)) }
                else if let value = Int(text) { tokens.append(.int(value)) }
                else { throw Failure(message: "'\(text)' is not a number") }
                index = end
                continue
            }
            if isIdentifierByte(byte) {
                var end = index + 1
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                tokens.append(.identifier(String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
                continue
            }
            let two = index + 1 < bytes.count ? String(decoding: bytes[index...(index + 1)], as: UTF8.self) : ""
            if ["==", "!=", "<>", "<=", ">=", ".."].contains(two) {
                tokens.append(.symbol(two))
                index += 2
                continue
            }
            let one = String(decoding: bytes[index...index], as: UTF8.self)
            guard ["|", ":", ",", ".", "[", "]", "(", ")", "<", ">", "="].contains(one) else {
                throw Failure(message: "unexpected '\(one)'")
            }
            tokens.append(.symbol(one))
            index += 1
        }
    }

    var isAtEnd: Bool { position >= tokens.count }
    var peek: Token? { position < tokens.count ? tokens[position] : nil }
    func peek(_ ahead: Int) -> Token? { position + ahead < tokens.count ? tokens[position + ahead] : nil }

    mutating func next() -> Token? {
        defer { position += 1 }
        return peek
    }

    mutating func skip(_ symbol: String) -> Bool {
        guard peek == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    mutating func expect(_ symbol: String) throws(Failure) {
        guard skip(symbol) else { throw Failure(message: "expected '\(symbol)'" + (peek.map { " before \($0.display)" } ?? " at the end")) }
    }

    mutating func identifier() throws(Failure) -> String {
        guard case .identifier(let name) = peek else {
            throw Failure(message: "expected a name" + (peek.map { " before \($0.display)" } ?? " at the end"))
        }
        position += 1
        return name
    }

    mutating func expression() throws(Failure) -> LiquidExpression {
        guard let token = next() else { throw Failure(message: "expected a value at the end") }
        switch token {
        case .string(let text): return .literal(.string(text))
        case .int(let value): return .literal(.int(value))
        case .double(let value): return .literal(.double(value))
        case .symbol("("):
            let low = try expression()
            try expect("..")
            let high = try expression()
            try expect(")")
            return .range(low, high)
        case .symbol("["):
            // `[key]` at the start of a path: a variable whose name is itself a value.
            let key = try expression()
            try expect("]")
            return try segments(of: "", first: [.index(key)])
        case .identifier(let name):
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "nil", "null": return .literal(.null)
            case "empty": return .literal(.empty)
            case "blank": return .literal(.blank)
            default: return try segments(of: name, first: [])
            }
        case let other: throw Failure(message: "unexpected \(other.display)")
        }
    }

    private mutating func segments(of name: String, first: [LiquidExpression.Segment]) throws(Failure) -> LiquidExpression {
        var path = first
        while true {
            if skip(".") {
                path.append(.key(try identifier()))
            } else if skip("[") {
                path.append(.index(try expression()))
                try expect("]")
            } else {
                return .variable(name, path)
            }
        }
    }

    /// `base | name: arg, key: value | ...` to the end of the markup.
    mutating func filtered(offset: Int) throws(Failure) -> LiquidFilteredExpression {
        let base = try expression()
        var filters: [LiquidFilterCall] = []
        while skip("|") {
            let name = try identifier()
            var call = LiquidFilterCall(name: name, arguments: [], keywords: [:], offset: offset)
            if skip(":") {
                repeat {
                    if case .identifier(let key) = peek, peek(1) == .symbol(":") {
                        position += 2
                        call.keywords[key] = try expression()
                    } else {
                        call.arguments.append(try expression())
                    }
                } while skip(",")
            }
            filters.append(call)
        }
        guard isAtEnd else { throw Failure(message: "unexpected \(peek?.display ?? "")") }
        return LiquidFilteredExpression(base: base, filters: filters)
    }

    mutating func condition() throws(Failure) -> LiquidCondition {
        let left = try expression()
        var single = LiquidCondition.value(left)
        if case .symbol(let op) = peek, ["==", "!=", "<>", "<", ">", "<=", ">="].contains(op) {
            position += 1
            single = .compare(left, op == "<>" ? "!=" : op, try expression())
        } else if peek == .identifier("contains") {
            position += 1
            single = .compare(left, "contains", try expression())
        }
        if skip(word: "and") { return .and(single, try condition()) }
        if skip(word: "or") { return .or(single, try condition()) }
        guard isAtEnd else { throw Failure(message: "unexpected \(peek?.display ?? "")") }
        return single
    }

    mutating func skip(word: String) -> Bool {
        guard peek == .identifier(word) else { return false }
        position += 1
        return true
    }
}

extension LiquidMarkupScanner.Token {
    var display: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .string(let text): return "\"\(text)\""
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .symbol(let symbol): return "'\(symbol)'"
        }
    }
}
