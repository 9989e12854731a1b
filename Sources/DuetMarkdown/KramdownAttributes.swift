/// One kramdown inline attribute list, `{: .note #intro lang="zh"}`, parsed.
struct KramdownAttributes: Equatable {
    var id: String?
    var classes: [String] = []
    var pairs: [(String, String)] = []
    /// `{:toc}` and other references to an attribute list definition.
    var references: [String] = []

    static func == (a: KramdownAttributes, b: KramdownAttributes) -> Bool {
        a.id == b.id && a.classes == b.classes && a.references == b.references
            && a.pairs.map(\.0) == b.pairs.map(\.0) && a.pairs.map(\.1) == b.pairs.map(\.1)
    }

    init() {}

    /// The inside of the braces after `{:` (or after `{` for `{#id}` and `{.class}`); nil when it
    /// is not an attribute list (`{: this is prose}` stays text).
    init?(_ inner: Substring) {
        var rest = inner
        func skipSpaces() { rest = rest.drop { $0 == " " || $0 == "\t" } }
        skipSpaces()
        while let first = rest.first {
            if first == "." || first == "#" {
                let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != "." && $0 != "#" && $0 != "}" }
                guard !name.isEmpty else { return nil }
                if first == "." { classes.append(String(name)) } else { id = String(name) }
                rest = rest.dropFirst(1 + name.count)
            } else if first.isLetter || first == "_" {
                let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
                rest = rest.dropFirst(key.count)
                if rest.first == "=" {
                    rest = rest.dropFirst()
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                        pairs.append((String(key), String(rest[rest.index(after: rest.startIndex)..<close]).replacingQuoteEscapes))
                        rest = rest[rest.index(after: close)...]
                    } else {
                        let value = rest.prefix { !$0.isWhitespace }
                        guard !value.isEmpty else { return nil }
                        pairs.append((String(key), String(value)))
                        rest = rest.dropFirst(value.count)
                    }
                } else {
                    references.append(String(key))
                }
            } else {
                return nil
            }
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "." || rest.first == "#" else { return nil }
            skipSpaces()
        }
        if id == nil, classes.isEmpty, pairs.isEmpty, references.isEmpty { return nil }
    }

    /// This list laid over an opening tag (`<p>`, `<a href="...">`): the id replaced, classes
    /// added to any already there, other attributes set.
    func applied(to tag: String) -> String {
        var tag = tag
        let selfClosing = tag.hasSuffix("/>")
        var body = String(tag.dropLast(selfClosing ? 2 : 1))
        while body.last == " " { body.removeLast() }
        func set(_ name: String, _ value: String, append: Bool) {
            let marker = " \(name)=\""
            if let start = body.range(of: marker), let end = body[start.upperBound...].firstIndex(of: "\"") {
                let old = String(body[start.upperBound..<end])
                body.replaceSubrange(start.upperBound..<end, with: append ? old + " " + value.markupEscaped : value.markupEscaped)
            } else {
                body += "\(marker)\(value.markupEscaped)\""
            }
        }
        if let id { set("id", id, append: false) }
        if !classes.isEmpty { set("class", classes.joined(separator: " "), append: true) }
        for (key, value) in pairs where key.lowercased().hasPrefix("on") == false { set(key, value, append: false) }
        tag = body + (selfClosing ? " />" : ">")
        return tag
    }
}

private extension String {
    var replacingQuoteEscapes: String { replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\'", with: "'") }
}

import DuetModel
import Foundation
