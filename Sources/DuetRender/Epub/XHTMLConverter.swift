/// Rendered HTML -> well-formed XHTML for EPUB readers, which parse chapters as XML and reject a
/// book over a single `<br>` or `&nbsp;`. The input is libcmark-gfm output plus whatever raw HTML
/// authors wrote, so the converter repairs the usual differences rather than parsing HTML fully.
///
/// It reads UTF-8 bytes: everything it looks for (`<`, `&`, quotes, tag names) is ASCII, so a run of
/// text is copied whole, and only a tag's contents become Strings. Working on Characters made it
/// most of the cost of an issue's EPUB.
enum XHTMLConverter {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Named references of HTML that XML does not know, as code points. Anything rarer is escaped
    /// as text, which a reader shows literally instead of failing.
    static let namedEntities: [String: UInt32] = [
        "nbsp": 160, "iexcl": 161, "cent": 162, "pound": 163, "yen": 165, "sect": 167, "copy": 169, "laquo": 171,
        "reg": 174, "deg": 176, "plusmn": 177, "para": 182, "middot": 183, "raquo": 187, "frac12": 189,
        "times": 215, "divide": 247, "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217, "sbquo": 8218,
        "ldquo": 8220, "rdquo": 8221, "bdquo": 8222, "dagger": 8224, "Dagger": 8225, "bull": 8226,
        "hellip": 8230, "permil": 8240, "prime": 8242, "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250,
        "euro": 8364, "trade": 8482, "larr": 8592, "rarr": 8594, "harr": 8596, "minus": 8722, "thinsp": 8201,
        "ensp": 8194, "emsp": 8195, "zwj": 8205, "zwnj": 8204, "shy": 173,
    ]
    static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// How the converter treats `src` and `href` values: it returns the new value, or nil to drop
    /// the attribute (a link or image that cannot work inside the book).
    typealias Rewrite = (_ attribute: String, _ value: String) -> String?

    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func convert(_ html: String, rewrite: Rewrite = { _, value in value }) -> String {
        var output: [UInt8] = []
        convert(html, into: &output, rewrite: rewrite)
        return String(decoding: output, as: UTF8.self)
    }

    /// `convert`, appended to `output` as UTF-8.
    static func convert(_ html: String, into output: inout [UInt8], rewrite: Rewrite) {
        var html = html
        html.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 8)
            convert(bytes, into: &output, rewrite: rewrite)
        }
    }

    static func convert(_ bytes: Bytes, into output: inout [UInt8], rewrite: Rewrite) {
        var index = 0
        while index < bytes.count {
            // Plain text up to the next byte that needs a decision, copied in one go.
            let end = textEnd(bytes, from: index)
            if end > index {
                output.append(contentsOf: Bytes(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let next = copySimpleTag(bytes, at: index, into: &output) {
                    index = next
                    continue
                }
                if matches(bytes, at: index, "<!--") {
                    let end = find(bytes, "-->", from: index + 4) ?? bytes.count
                    let inside = String(decoding: Bytes(rebasing: bytes[min(index + 4, end)..<end]), as: UTF8.self)
                    output.append(contentsOf: "<!--".utf8)
                    output.append(contentsOf: inside.replacingBytes("--", with: "- -").utf8)
                    output.append(contentsOf: "-->".utf8)
                    index = min(end + 3, bytes.count)
                    continue
                }
                if let (tag, next) = parseTag(bytes, at: index) {
                    emit(tag, into: &output, rewrite: rewrite)
                    index = next
                    continue
                }
                output.append(contentsOf: "&lt;".utf8)
            } else if byte == UInt8(ascii: "&") {
                let (text, next) = reference(bytes, at: index)
                output.append(contentsOf: text.utf8)
                index = next
                continue
            }
            // Otherwise a control character: not allowed anywhere in XML, dropped.
            index += 1
        }
    }

    /// `<`, `&` and the control characters XML forbids (all but tab, line feed and carriage return).
    @inline(__always)
    private static func needsDecision(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
            || (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D)
    }

    /// The first byte from `start` on that needs a decision, or the end. Text is most of a chapter,
    /// so it is read eight bytes at a time: a word with no `<`, no `&` and no byte below 0x20 is
    /// skipped whole, and only a word with one of them (a line feed, mostly) is read byte by byte.
    @inline(__always)
    private static func textEnd(_ bytes: Bytes, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var end = start
        let count = bytes.count
        while true {
            while end &+ 8 <= count {
                let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
                if mayNeedDecision(word) { break }
                end &+= 8
            }
            let stop = min(end &+ 8, count)
            while end < stop {
                if needsDecision(bytes[end]) { return end }
                end &+= 1
            }
            if end >= count { return end }
        }
    }

    /// Whether any byte of `word` is `<`, `&` or below 0x20 (the classic zero-byte tests; a false
    /// alarm only costs the byte-by-byte look).
    @inline(__always)
    private static func mayNeedDecision(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x26))
    }

    /// `<name>` or `</name>` with a lowercase ASCII name and nothing else, which is most of the tags
    /// libcmark-gfm writes: copied as they are (a void element's start tag closed, its end tag
    /// dropped), as `parseTag` and `emit` would write them, without making Strings. Returns the
    /// index after the tag, or nil for any other tag.
    @inline(__always)
    private static func copySimpleTag(_ bytes: Bytes, at start: Int, into output: inout [UInt8]) -> Int? {
        var index = start &+ 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index &+= 1 }
        let nameStart = index
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") else { return nil }
        while index < bytes.count,
              (bytes[index] >= UInt8(ascii: "a") && bytes[index] <= UInt8(ascii: "z")) || isASCIIDigit(bytes[index]) {
            index &+= 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        let name = Bytes(rebasing: bytes[nameStart..<index])
        if voidElementNames.contains(where: { $0.count == name.count && $0.elementsEqual(name) }) {
            if !closing {
                output.append(contentsOf: Bytes(rebasing: bytes[start..<index]))
                output.append(contentsOf: " />".utf8)
            }
        } else {
            output.append(contentsOf: Bytes(rebasing: bytes[start...index]))
        }
        return index &+ 1
    }

    /// `voidElements` as bytes, for `copySimpleTag`.
    private static let voidElementNames: [[UInt8]] = voidElements.sorted().map { Array($0.utf8) }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(name: String, value: String?)]
    }

    /// `<name attr="v" flag>` or `</name>` starting at `start`; nil when the `<` is plain text.
    static func parseTag(_ bytes: Bytes, at start: Int) -> (Tag, Int)? {
        var index = start + 1
        var closing = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            closing = true
            index += 1
        }
        guard index < bytes.count, isASCIILetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, isASCIILetter(bytes[index]) || isASCIIDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        var tag = Tag(name: text(bytes, nameStart, index).lowercased(), closing: closing, selfClosing: false, attributes: [])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (tag, index + 1) }
            if byte == UInt8(ascii: "/") {
                tag.selfClosing = true
                index += 1
                continue
            }
            if let space = whitespaceLength(bytes, at: index) {
                index += space
                continue
            }
            let attributeStart = index
            while index < bytes.count, whitespaceLength(bytes, at: index) == nil,
                  bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let attribute = text(bytes, attributeStart, index).lowercased()
            skipWhitespace(bytes, &index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                tag.attributes.append((attribute, nil))
                continue
            }
            index += 1
            skipWhitespace(bytes, &index)
            let value: String
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                value = text(bytes, valueStart, index)
                index += 1
            } else {
                let valueStart = index
                while index < bytes.count, whitespaceLength(bytes, at: index) == nil, bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = text(bytes, valueStart, index)
            }
            tag.attributes.append((attribute, value))
        }
        return nil
    }

    static func emit(_ tag: Tag, into output: inout [UInt8], rewrite: Rewrite) {
        let isVoid = voidElements.contains(tag.name)
        if tag.closing {
            if !isVoid {
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: tag.name.utf8)
                output.append(UInt8(ascii: ">"))
            }
            return
        }
        let start = output.count
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: tag.name.utf8)
        // A tag has a few attributes: a list finds a repeated one sooner than hashing every name.
        var seen: [String] = []
        var style: [String] = []
        for (name, value) in tag.attributes where !name.isEmpty && !seen.contains(name) {
            seen.append(name)
            var value = value.map(decodeForAttribute) ?? ""
            if name == "align" {
                // Obsolete in HTML5 (libcmark-gfm writes it on table cells); a style says the same.
                style.append("text-align: \(value)")
                continue
            }
            if name == "src" || name == "href" {
                guard let rewritten = rewrite(name, value) else {
                    // An image the book cannot hold is replaced by its description.
                    if tag.name == "img", name == "src" {
                        let alternative = tag.attributes.first { $0.name == "alt" }?.value.map(decodeForAttribute) ?? ""
                        output.removeSubrange(start...)
                        output.appendMarkupEscaped(alternative)
                        return
                    }
                    continue
                }
                value = rewritten
            }
            if name == "style" {
                style.insert(value, at: 0)
                continue
            }
            output.append(UInt8(ascii: " "))
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: "=\"".utf8)
            output.appendMarkupEscaped(value)
            output.append(UInt8(ascii: "\""))
        }
        if !style.isEmpty {
            output.append(contentsOf: " style=\"".utf8)
            output.appendMarkupEscaped(style.joined(separator: "; "))
            output.append(UInt8(ascii: "\""))
        }
        if isVoid {
            output.append(contentsOf: " />".utf8)
        } else if tag.selfClosing {
            output.append(contentsOf: "></".utf8)
            output.append(contentsOf: tag.name.utf8)
            output.append(UInt8(ascii: ">"))
        } else {
            output.append(UInt8(ascii: ">"))
        }
    }

    /// Attribute values are re-escaped on output, so references are decoded to characters first.
    static func decodeForAttribute(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        var value = value
        return value.withUTF8 { bytes in
            var output = String.UnicodeScalarView()
            var index = 0
            var runStart = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (scalar, next) = decodedReference(bytes, at: index) {
                    output.append(contentsOf: text(bytes, runStart, index).unicodeScalars)
                    output.append(scalar)
                    index = next
                    runStart = next
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: text(bytes, runStart, bytes.count).unicodeScalars)
            return String(output)
        }
    }

    /// A character reference in text, as XML accepts it.
    static func reference(_ bytes: Bytes, at index: Int) -> (String, Int) {
        guard let semicolon = semicolon(after: index, in: bytes) else { return ("&amp;", index + 1) }
        let name = text(bytes, index + 1, semicolon)
        if xmlEntities.contains(name) { return ("&\(name);", semicolon + 1) }
        if name.hasPrefix("#"), decodedReference(bytes, at: index) != nil { return ("&\(name);", semicolon + 1) }
        if let code = namedEntities[name] { return ("&#\(code);", semicolon + 1) }
        return ("&amp;", index + 1)
    }

    static func decodedReference(_ bytes: Bytes, at index: Int) -> (Unicode.Scalar, Int)? {
        guard let semicolon = semicolon(after: index, in: bytes) else { return nil }
        let name = text(bytes, index + 1, semicolon)
        let code: UInt32?
        switch name {
        case "amp": code = 38
        case "lt": code = 60
        case "gt": code = 62
        case "quot": code = 34
        case "apos": code = 39
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                code = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                code = UInt32(name.dropFirst())
            } else {
                code = namedEntities[name]
            }
        }
        guard let code, let scalar = Unicode.Scalar(code), code >= 0x20 || code == 0x9 || code == 0xA || code == 0xD
        else { return nil }
        return (scalar, semicolon + 1)
    }

    /// The `;` closing a reference that starts at `index`, within the 33 places after it. Every
    /// name a reference can have is ASCII, so counting bytes rather than characters finds the same
    /// references.
    private static func semicolon(after index: Int, in bytes: Bytes) -> Int? {
        var position = index + 1
        let limit = min(index + 34, bytes.count)
        while position < limit {
            if bytes[position] == UInt8(ascii: ";") { return position }
            position += 1
        }
        return nil
    }

    private static func text(_ bytes: Bytes, _ start: Int, _ end: Int) -> String {
        String(decoding: Bytes(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always)
    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The length in bytes of the whitespace character at `index` (Unicode's White_Space, as
    /// `Character.isWhitespace` reads it), or nil.
    private static func whitespaceLength(_ bytes: Bytes, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : nil
        }
        var iterator = Bytes(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return nil }
        return UTF8.width(scalar)
    }

    private static func skipWhitespace(_ bytes: Bytes, _ index: inout Int) {
        while index < bytes.count, let space = whitespaceLength(bytes, at: index) { index += space }
    }

    private static func matches(_ bytes: Bytes, at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let wanted = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != wanted[offset] { return false }
        return true
    }

    private static func find(_ bytes: Bytes, _ text: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, text) { return index }
            index += 1
        }
        return nil
    }
}

extension [UInt8] {
    /// `String.markupEscaped`, appended as bytes: the runs between escaped bytes in one copy each.
    mutating func appendMarkupEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}
