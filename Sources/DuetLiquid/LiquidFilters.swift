import DuetModel

/// Every filter Duet offers, by name. A filter given a value it cannot work on throws; the
/// evaluator reports that at the filter's line.
enum LiquidFilters {
    struct Call {
        var input: LiquidValue
        var arguments: [LiquidValue]
        var keywords: [String: LiquidValue]
        var environment: LiquidEnvironment

        func argument(_ index: Int) -> LiquidValue { arguments.indices.contains(index) ? arguments[index] : .null }
        func text(_ index: Int) -> String { argument(index).text }

        func integer(_ index: Int, default fallback: Int? = nil) throws(Failure) -> Int {
            if !arguments.indices.contains(index) || arguments[index] == .null, let fallback { return fallback }
            guard let value = argument(index).number?.intValue else {
                throw Failure(message: "expected a number, found \(argument(index).kindName)")
            }
            return value
        }
    }

    struct Failure: Error {
        var message: String
    }

    typealias Filter = @Sendable (Call) throws(Failure) -> LiquidValue

    static let named: [String: Filter] = strings.merging(collections) { a, _ in a }.merging(numbers) { a, _ in a }
        .merging(jekyll) { a, _ in a }

    static let strings: [String: Filter] = [
        "append": { call in .string(call.input.text + call.text(0)) },
        "prepend": { call in .string(call.text(0) + call.input.text) },
        "upcase": { call in .string(call.input.text.uppercased()) },
        "downcase": { call in .string(call.input.text.lowercased()) },
        "capitalize": { call in
            let text = call.input.text
            return .string(text.prefix(1).uppercased() + text.dropFirst())
        },
        "strip": { call in .string(call.input.text.trimmingWhitespace) },
        "lstrip": { call in .string(String(call.input.text.drop(while: \.isWhitespace))) },
        "rstrip": { call in
            var text = Substring(call.input.text)
            while text.last?.isWhitespace == true { text = text.dropLast() }
            return .string(String(text))
        },
        "strip_newlines": { call in .string(call.input.text.filter { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }) },
        "newline_to_br": { call in .string(call.input.text.replacingOccurrences(of: "\n", with: "<br />\n")) },
        "strip_html": { call in .string(HTMLText.strip(call.input.text)) },
        "escape": { call in call.input == .null ? .null : .string(call.input.text.markupEscaped) },
        "h": { call in .string(call.input.text.markupEscaped) },
        "escape_once": { call in .string(HTMLText.escapeOnce(call.input.text)) },
        "xml_escape": { call in .string(HTMLText.xmlEscape(call.input.text)) },
        "url_encode": { call in .string(URLText.formEncode(call.input.text)) },
        "cgi_escape": { call in .string(URLText.formEncode(call.input.text)) },
        "uri_escape": { call in .string(URLText.uriEscape(call.input.text)) },
        "url_decode": { call in .string(URLText.decode(call.input.text)) },
        "replace": { call in .string(call.input.text.replacingOccurrences(of: call.text(0), with: call.text(1))) },
        "replace_first": { call in .string(replaceFirst(call.input.text, call.text(0), with: call.text(1))) },
        "remove": { call in .string(call.input.text.replacingOccurrences(of: call.text(0), with: "")) },
        "remove_first": { call in .string(replaceFirst(call.input.text, call.text(0), with: "")) },
        "truncate": { call throws(Failure) in
            let text = call.input.text
            let length = try call.integer(0, default: 50)
            let ellipsis = call.arguments.count > 1 ? call.text(1) : "..."
            guard text.count > length else { return .string(text) }
            return .string(String(text.prefix(max(length - ellipsis.count, 0))) + ellipsis)
        },
        "truncatewords": { call throws(Failure) in
            let text = call.input.text
            let count = max(try call.integer(0, default: 15), 1)
            let ellipsis = call.arguments.count > 1 ? call.text(1) : "..."
            let words = text.split(whereSeparator: \.isWhitespace)
            guard words.count > count else { return .string(text) }
            return .string(words.prefix(count).joined(separator: " ") + ellipsis)
        },
        "split": { call in
            let text = call.input.text
            let separator = call.text(0)
            if separator.isEmpty { return .array(text.map { .string(String($0)) }) }
            if separator == " " { return .array(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) }) }
            var parts = text.components(separatedBy: separator)
            while parts.last == "" { parts.removeLast() }
            return .array(parts.map(LiquidValue.string))
        },
        "slice": { call throws(Failure) in
            let start = try call.integer(0)
            let length = try call.integer(1, default: 1)
            switch call.input {
            case .array(let items):
                let from = start < 0 ? max(items.count + start, 0) : min(start, items.count)
                return .array(Array(items[from..<min(from + max(length, 0), items.count)]))
            default:
                let characters = Array(call.input.text)
                let from = start < 0 ? max(characters.count + start, 0) : min(start, characters.count)
                return .string(String(characters[from..<min(from + max(length, 0), characters.count)]))
            }
        },
        "default": { call in
            let allowFalse = call.keywords["allow_false"]?.isTruthy ?? false
            if call.input == .bool(false), allowFalse { return call.input }
            return call.input.isTruthy && !call.input.isEmptyValue ? call.input : call.argument(0)
        },
        "size": { call in
            switch call.input {
            case .array(let items): return .int(items.count)
            case .object(let object): return .int(object.keys.count)
            case .null: return .int(0)
            default: return .int(call.input.text.count)
            }
        },
    ]

    static func replaceFirst(_ text: String, _ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}

import Foundation
