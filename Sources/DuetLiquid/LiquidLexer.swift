import Foundation
import DuetModel

/// Bytes -> tokens. `{% raw %}` and `{% comment %}` bodies are taken here, before any parsing,
/// because their insides need not be valid Liquid. Whitespace control (`{{-`, `-%}`) trims the
/// neighbouring text as it is emitted.
struct LiquidLexer {
    let source: LiquidSource
    private(set) var tokens: [LiquidToken] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(_ source: LiquidSource) {
        self.source = source
    }

    static func tokenize(_ source: LiquidSource) -> ([LiquidToken], [Diagnostic]) {
        var lexer = LiquidLexer(source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private mutating func run() {
        let bytes = source.bytes
        var textStart = 0
        var trimNext = false
        var index = 0
        var guardIndex = 0
        while index < bytes.count - 1 {
            while guardIndex < source.protected.count, source.protected[guardIndex].upperBound <= index { guardIndex += 1 }
            if guardIndex < source.protected.count, source.protected[guardIndex].contains(index) {
                let range = source.protected[guardIndex]
                emitText(textStart..<index, trimLeading: trimNext, trimTrailing: false)
                trimNext = false
                let code = Self.removingRawMarkers(source.string(index..<range.upperBound))
                tokens.append(LiquidToken(kind: .text, content: code, source: code, offset: index))
                index = range.upperBound
                textStart = index
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") else {
                index += 1
                continue
            }
            let isTag = bytes[index + 1] == UInt8(ascii: "%")
            let closer = isTag ? UInt8(ascii: "%") : UInt8(ascii: "}")
            guard let close = find(closer, UInt8(ascii: "}"), from: index + 2) else {
                diagnostics.append(.error(isTag ? "'{%' is never closed with '%}'" : "'{{' is never closed with '}}'",
                                          at: source.location(index)))
                break
            }
            var markupStart = index + 2
            var markupEnd = close
            let trimBefore = markupStart < markupEnd && bytes[markupStart] == UInt8(ascii: "-")
            if trimBefore { markupStart += 1 }
            let trimAfter = markupEnd > markupStart && bytes[markupEnd - 1] == UInt8(ascii: "-")
            if trimAfter { markupEnd -= 1 }
            emitText(textStart..<index, trimLeading: trimNext, trimTrailing: trimBefore)
            let markup = source.string(markupStart..<markupEnd).trimmingWhitespace
            let whole = source.string(index..<(close + 2))
            let tokenStart = index
            index = close + 2
            textStart = index
            trimNext = trimAfter
            guard isTag else {
                tokens.append(LiquidToken(kind: .output, content: markup, source: whole, offset: tokenStart))
                continue
            }
            let name = String(markup.prefix { !$0.isWhitespace })
            let rest = String(markup.dropFirst(name.count)).trimmingWhitespace
            switch name {
            case "raw", "comment":
                guard let (bodyEnd, after, trim) = findEnd(of: name, from: index) else {
                    diagnostics.append(.error("'{% \(name) %}' is never closed with '{% end\(name) %}'",
                                              at: source.location(tokenStart)))
                    textStart = bytes.count
                    index = bytes.count
                    break
                }
                if name == "raw" {
                    var text = source.string(index..<bodyEnd)
                    if trimAfter { text = String(text.drop(while: \.isWhitespace)) }
                    if trim { while text.last?.isWhitespace == true { text.removeLast() } }
                    tokens.append(LiquidToken(kind: .text, content: text, source: text, offset: index))
                }
                index = after.offset
                textStart = index
                trimNext = after.trim
            case let name where name.hasPrefix("#"):
                continue
            default:
                tokens.append(LiquidToken(kind: .tag(name: name), content: rest, source: whole, offset: tokenStart))
            }
        }
        emitText(textStart..<max(textStart, bytes.count), trimLeading: trimNext, trimTrailing: false)
    }

    /// Jekyll authors wrap template code in `{% raw %}` inside their code blocks; Duet leaves
    /// code alone anyway, so the markers themselves are all that must go.
    static func removingRawMarkers(_ code: String) -> String {
        guard code.contains("raw") else { return code }
        var result = code
        for marker in ["{% raw %}", "{% endraw %}", "{%- raw -%}", "{%- endraw -%}", "{%raw%}", "{%endraw%}", "{% raw -%}", "{%- endraw %}"] {
            result = result.replacingOccurrences(of: marker, with: "")
        }
        return result
    }

    private mutating func emitText(_ range: Range<Int>, trimLeading: Bool, trimTrailing: Bool) {
        guard !range.isEmpty else { return }
        var text = Substring(source.string(range))
        if trimLeading { text = text.drop(while: \.isWhitespace) }
        if trimTrailing { while text.last?.isWhitespace == true { text = text.dropLast() } }
        if !text.isEmpty { tokens.append(LiquidToken(kind: .text, content: String(text), source: String(text), offset: range.lowerBound)) }
    }

    /// The first `first second` pair (`%}` or `}}`) at or after `start`, skipping quoted strings.
    private func find(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
        let bytes = source.bytes
        var index = start
        var quote: UInt8?
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A lone apostrophe (`don't`) must not hide the closing delimiter.
                if bytes[(index + 1)...].prefix(200).contains(byte) { quote = byte }
            } else if byte == first, bytes[index + 1] == second {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Where the matching `{% endNAME %}` starts and where it ends, counting nested `{% NAME %}`.
    private func findEnd(of name: String, from start: Int) -> (Int, (offset: Int, trim: Bool), Bool)? {
        var depth = 1
        var index = start
        let bytes = source.bytes
        while index < bytes.count - 1 {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "%"),
                  let close = find(UInt8(ascii: "%"), UInt8(ascii: "}"), from: index + 2) else {
                index += 1
                continue
            }
            var inner = source.string((index + 2)..<close)
            let trimBefore = inner.hasPrefix("-")
            if trimBefore { inner.removeFirst() }
            let trimAfter = inner.hasSuffix("-")
            if trimAfter { inner.removeLast() }
            let word = inner.trimmingWhitespace.prefix { !$0.isWhitespace }
            if word == "end" + name {
                depth -= 1
                if depth == 0 { return (index, (close + 2, trimAfter), trimBefore) }
            } else if word == name, name != "raw" {
                depth += 1
            }
            index = close + 2
        }
        return nil
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
