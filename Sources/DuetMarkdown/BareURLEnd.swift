import DuetModel

/// Where a bare URL ends for a Chinese reader.
///
/// The GFM autolink extension ends a bare URL only at whitespace or `<`, so in Chinese, which
/// has no spaces, `https://example.org/path，然后继续阅读。` became one link. A URL ends at the first
/// Han character or full-width punctuation mark (and at the CJK quotes, dash and ellipsis); a URL
/// that needs those characters in its path can be written percent-encoded or inside `<...>`.
/// After the cut, trailing ASCII punctuation is dropped as GFM drops it at the end of a link.
enum BareURLEnd {
    /// How many leading bytes of an autolink's text stay linked: nil when the text holds nothing
    /// that stops a URL (the link is right as it is), 0 when nothing linkable is left (`https://`
    /// directly followed by Chinese), which makes the link plain text again.
    static func linkedLength(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var stop: Int?
        while index < text.count {
            let (value, length) = UTF8Edges.decode(text, at: index)
            if EastAsianWidth.endsBareURL(value) {
                stop = index
                break
            }
            index += length
        }
        guard let stop else { return nil }
        let end = trimmingTrailingPunctuation(text, end: stop)
        return end > minimumLength(of: text) ? end : 0
    }

    /// GFM's rule: `?!.,:*_~'"` at the end are not part of a link, nor an unbalanced `)`, nor a
    /// `;` that ends something shaped like an entity (`&hellip;`).
    private static func trimmingTrailingPunctuation(_ text: UnsafeBufferPointer<UInt8>, end start: Int) -> Int {
        var end = start
        while end > 0 {
            let last = text[end - 1]
            switch last {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ")"):
                var opened = 0
                var closed = 0
                for byte in text[0..<end] {
                    if byte == UInt8(ascii: "(") { opened += 1 } else if byte == UInt8(ascii: ")") { closed += 1 }
                }
                guard closed > opened else { return end }
                end -= 1
            case UInt8(ascii: ";"):
                var cursor = end - 2
                while cursor >= 0, isAlphanumeric(text[cursor]) { cursor -= 1 }
                guard cursor >= 0, cursor < end - 2, text[cursor] == UInt8(ascii: "&") else { return end }
                end = cursor
            default:
                return end
            }
        }
        return end
    }

    /// The scheme and `://`, or `www.`: a link must keep at least one character more.
    private static func minimumLength(of text: UnsafeBufferPointer<UInt8>) -> Int {
        let colonSlashSlash: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "/")]
        var index = 0
        while index + 3 <= text.count, index < 12 {
            if Array(text[index..<index + 3]) == colonSlashSlash { return index + 3 }
            index += 1
        }
        return text.count >= 4 && text[0] | 0x20 == UInt8(ascii: "w") ? 4 : 0
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
