import DuetModel

/// Jekyll's excerpt rules, applied to the Markdown source before it is rendered.
///
/// The excerpt is the source before the first separator, plus every link reference definition of
/// the whole post so that `[text][ref]` in the lead still resolves; without the separator the
/// whole post is the excerpt; an empty separator means no excerpt.
enum ExcerptSplitter {
    static func excerptSource(of body: String, separator: String) -> String? {
        guard !separator.isEmpty else { return nil }
        let content = String(body.drop { $0 == "\n" })
        guard let offset = content.firstByteOffset(of: separator) else { return content }
        let start = content.utf8.index(content.utf8.startIndex, offsetBy: offset)
        let end = content.utf8.index(start, offsetBy: separator.utf8.count)
        let head = content[..<start]
        let definitions = linkReferenceDefinitions(in: content[end...])
        return definitions.isEmpty ? String(head) : head + "\n\n" + definitions.joined(separator: "\n")
    }

    /// `<!--more-->` (and `<!-- more -->`), the separator Jekyll themes and WordPress exports use,
    /// counts wherever it is written, even on a site whose `excerpt_separator` was not set to it.
    static func moreMarker(in body: String) -> String? {
        guard body.containsBytes("more") else { return nil }
        return ["<!--more-->", "<!-- more -->"].first { body.containsBytes($0) }
    }

    /// The article without its separator. A marker such as `<excerpt/>` is not HTML, and cmark-gfm
    /// would read it as the start of an HTML block that swallows the Markdown up to the next blank
    /// line; a whitespace separator (the default blank line) is part of the Markdown and stays.
    static func removingSeparator(_ separator: String, from body: String) -> String {
        guard !separator.isEmpty, separator.contains(where: { !$0.isWhitespace }) else { return body }
        return body.replacingBytes(separator, with: "")
    }

    /// Lines of the form `[label]: destination` (up to three spaces of indent), as Jekyll collects them.
    private static func linkReferenceDefinitions(in text: Substring) -> [Substring] {
        // Lines are found on bytes and only those starting with `[` are looked at as Characters:
        // splitting the whole article into Character lines was a tenth of the parse.
        let utf8 = text.utf8
        var definitions: [Substring] = []
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var first = start
            while first < end, utf8[first] == 0x20 { first = utf8.index(after: first) }
            if first < end, utf8[first] == 0x5B, utf8.distance(from: start, to: first) <= 3 {
                let line = text[start..<end]
                let rest = text[first..<end]
                if let close = rest.firstIndex(of: "]"), close > rest.index(after: rest.startIndex),
                   rest[rest.index(after: close)...].hasPrefix(":") {
                    definitions.append(line)
                }
            }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return definitions
    }
}
