/// The YAML 1.1 type of a plain, untagged scalar, decided on its UTF-8 bytes.
///
/// Yams decides it by trying a regular expression per type (`Resolver.Rule.bool`, `.int`,
/// `.float`, `.null`) on every plain scalar, and again on every mapping key when it hashes the
/// keys to look for duplicates: a third of the cost of parsing a front matter. These are the
/// same four patterns, tried in the same order (the first match wins), written out by hand;
/// `YAMLScalarKindTests` checks them against Yams' own patterns.
enum YAMLScalarKind: Equatable {
    case bool(Bool)
    case int
    case float
    case null
    case string

    static func of(_ text: String) -> YAMLScalarKind {
        var text = text
        return text.withUTF8 { of(bytes: $0) }
    }

    static func of(bytes b: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
        guard let first = b.first else { return .null }
        // Every pattern starts with one of these: most scalars (titles, names, paths) stop here.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if isInt(b) { return .int }
            if isFloat(b) { return .float }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "~"):
            if let value = boolValue(b) { return .bool(value) }
            if isNull(b) { return .null }
            return .string
        default:
            return .string
        }
    }

    // MARK: The patterns

    private static let trueWords = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falseWords = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// `^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`
    private static func boolValue(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.count <= 5 else { return nil }
        if trueWords.contains(where: { b.elementsEqual($0.utf8) }) { return true }
        if falseWords.contains(where: { b.elementsEqual($0.utf8) }) { return false }
        return nil
    }

    /// `^(?:~|null|Null|NULL|)$`
    private static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || b.elementsEqual("~".utf8) || b.elementsEqual("null".utf8) || b.elementsEqual("Null".utf8)
            || b.elementsEqual("NULL".utf8)
    }

    /// `^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`
    private static func isInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = isSign(b, at: 0) ? 1 : 0
        let n = b.count
        guard start < n else { return false }
        if b[start] == UInt8(ascii: "0") {
            let next = start + 1
            if next == n { return true }                                   // 0
            switch b[next] {
            case UInt8(ascii: "b"): return all(b, from: next + 1, nonEmpty: true) { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
            case UInt8(ascii: "x"): return all(b, from: next + 1, nonEmpty: true) { isHexDigit($0) || $0 == 0x5F }
            case UInt8(ascii: "o"): return all(b, from: next + 1, nonEmpty: true, isOctal)
            default: return all(b, from: next, nonEmpty: true, isOctal)  // 0[0-7_]+
            }
        }
        guard isNonZeroDigit(b[start]) else { return false }
        let end = run(b, from: start + 1) { isDigit($0) || $0 == 0x5F }
        if end == n { return true }                                        // [1-9][0-9_]*
        return sexagesimalGroups(b, from: end) == n                        // [1-9][0-9_]*(?::[0-5]?[0-9])+
    }

    /// `^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?`
    /// `|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`
    private static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        let signed = isSign(b, at: 0)
        let start = signed ? 1 : 0
        guard start < n else { return false }
        if b[start] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: b[(start + 1)...])
            if ["inf", "Inf", "INF"].contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            guard !signed else { return false }
            if ["nan", "NaN", "NAN"].contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            // \.[0-9_]+(?:[eE][-+][0-9]+)?
            let digits = run(b, from: start + 1) { isDigit($0) || $0 == 0x5F }
            guard digits > start + 1 else { return false }
            if digits == n { return true }
            guard b[digits] == UInt8(ascii: "e") || b[digits] == UInt8(ascii: "E"), isSign(b, at: digits + 1) else { return false }
            return all(b, from: digits + 2, nonEmpty: true, isDigit)
        }
        guard isDigit(b[start]) else { return false }
        let whole = run(b, from: start + 1) { isDigit($0) || $0 == 0x5F }
        // [0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        if whole < n, b[whole] == UInt8(ascii: ":") {
            let groups = sexagesimalGroups(b, from: whole)
            guard groups < n, b[groups] == UInt8(ascii: ".") else { return false }
            return all(b, from: groups + 1, nonEmpty: false) { isDigit($0) || $0 == 0x5F }
        }
        // [0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        var index = whole
        if index < n, b[index] == UInt8(ascii: ".") { index = run(b, from: index + 1) { isDigit($0) || $0 == 0x5F } }
        if index == n { return true }
        guard b[index] == UInt8(ascii: "e") || b[index] == UInt8(ascii: "E") else { return false }
        index += 1
        if isSign(b, at: index) { index += 1 }
        return all(b, from: index, nonEmpty: true, isDigit)
    }

    // MARK: Pieces

    /// Where `(?::[0-5]?[0-9])+` starting at `index` ends: each group a colon and one digit, or
    /// two whose first is 0-5; `index` itself when no group matches there.
    private static func sexagesimalGroups(_ b: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < b.count, b[index] == UInt8(ascii: ":") {
            let digits = run(b, from: index + 1, isDigit)
            let length = digits - index - 1
            guard length == 1 || (length == 2 && b[index + 1] <= UInt8(ascii: "5")) else { return index }
            index = digits
        }
        return index
    }

    private static func run(_ b: UnsafeBufferPointer<UInt8>, from index: Int, _ matches: (UInt8) -> Bool) -> Int {
        var index = index
        while index < b.count, matches(b[index]) { index += 1 }
        return index
    }

    /// Whether every byte from `index` to the end matches (and there is at least one, if asked).
    private static func all(_ b: UnsafeBufferPointer<UInt8>, from index: Int, nonEmpty: Bool, _ matches: (UInt8) -> Bool) -> Bool {
        guard index <= b.count else { return false }
        if nonEmpty, index == b.count { return false }
        return run(b, from: index, matches) == b.count
    }

    private static func isSign(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index < b.count && (b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isNonZeroDigit(_ byte: UInt8) -> Bool { byte >= 0x31 && byte <= 0x39 }
    private static func isOctal(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x37) || byte == 0x5F }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }
}
