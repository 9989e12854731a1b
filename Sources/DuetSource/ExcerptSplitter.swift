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
    private static func linkReferenceDefinitions(in text: Substring) -> [String] {
        // Lines are found on bytes (`memchr` for each line feed) and only those starting with `[`
        // are looked at as Characters: splitting the whole article into Character lines was a
        // tenth of the parse, and walking a Substring's UTF-8 view byte by byte still showed.
        var text = String(text)
        return text.withUTF8 { bytes in
            var definitions: [String] = []
            var start = 0
            while start < bytes.count {
                let end = UnsafeBufferPointer(rebasing: bytes[start...]).firstOffset(of: [0x0A]).map { start + $0 } ?? bytes.count
                var first = start
                while first < end, bytes[first] == 0x20 { first += 1 }
                if first < end, bytes[first] == 0x5B, first - start <= 3 {
                    let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self)
                    if let close = rest.firstIndex(of: "]"), close > rest.index(after: rest.startIndex),
                       rest[rest.index(after: close)...].hasPrefix(":") {
                        definitions.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    }
                }
                start = end + 1
            }
            return definitions
        }
    }
}
