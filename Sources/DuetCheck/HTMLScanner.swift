/// One start tag of an HTML page, with where it begins, so a finding can point at its line.
public struct HTMLTag: Hashable, Sendable {
    /// Lower-cased: `img`, `a`, `link`.
    public var name: String
    /// Names lower-cased, values entity-decoded, in document order.
    public var attributes: [(name: String, value: String)]
    /// 1-based line and column (in Unicode scalars) of the `<`.
    public var line: Int
    public var column: Int

    public init(name: String, attributes: [(name: String, value: String)], line: Int, column: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    public subscript(attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    public static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.name == rhs.name && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(line)
        hasher.combine(column)
    }
}

/// What the checks need from one page: its start tags and the text of its `<title>`.
public struct ScannedHTML: Sendable {
    public var tags: [HTMLTag]
    /// The decoded text inside `<title>`, or nil when the page has no title element.
    public var title: String?
}

/// A small tag scanner over UTF-8 bytes, not a full HTML parser: it finds start tags and their
/// attributes the way a browser tokenizer would (quoted, unquoted and bare attributes; comments,
/// doctypes and CDATA skipped; `<script>`, `<style>`, `<textarea>` and `<title>` read as raw text
/// up to their end tag), and never fails: broken markup only ends a tag early.
/// Bytes rather than Characters because it runs over every page of a site.
public enum HTMLScanner {
    public static func scan(_ html: String) -> ScannedHTML {
        scan(Array(html.utf8))
    }

    public static func scan(_ bytes: [UInt8]) -> ScannedHTML {
        var cursor = Cursor(bytes: bytes)
        var tags: [HTMLTag] = []
        var title: String?
        while let lt = cursor.next(byte: UInt8(ascii: "<")) {
            let (line, column) = cursor.position(of: lt)
            cursor.index = lt + 1
            if cursor.hasPrefix("!--") {
                cursor.index += 3
                cursor.skip(past: Array("-->".utf8))
                continue
            }
            if cursor.peek == UInt8(ascii: "!") || cursor.peek == UInt8(ascii: "?") {
                cursor.skip(past: [UInt8(ascii: ">")])
                continue
            }
            if cursor.peek == UInt8(ascii: "/") {
                cursor.skip(past: [UInt8(ascii: ">")])
                continue
            }
            guard let first = cursor.peek, isASCIILetter(first) else { continue }
            let name = cursor.readName().lowercased()
            let attributes = cursor.readAttributes()
            tags.append(HTMLTag(name: name, attributes: attributes, line: line, column: column))
            if ["script", "style", "textarea", "title"].contains(name) {
                let contentStart = cursor.index
                let end = cursor.findEndTag(name)
                if name == "title", title == nil {
                    title = HTMLEntities.decode(String(decoding: bytes[contentStart..<end], as: UTF8.self))
                }
                cursor.index = end
            }
        }
        return ScannedHTML(tags: tags, title: title)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}

/// A read position in the page that also knows line starts, so positions are computed only for
/// the tags that are found.
private struct Cursor {
    let bytes: [UInt8]
    var index = 0
    /// Line and column counting run forward only: every tag comes after the previous one.
    private var countedUpTo = 0
    private var line = 1
    /// Scalars between the start of the line and `countedUpTo`.
    private var scalarsInLine = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func next(byte: UInt8) -> Int? {
        var probe = index
        while probe < bytes.count {
            if bytes[probe] == byte { return probe }
            probe += 1
        }
        return nil
    }

    func hasPrefix(_ text: String) -> Bool {
        var probe = index
        for byte in text.utf8 {
            guard probe < bytes.count, bytes[probe] == byte else { return false }
            probe += 1
        }
        return true
    }

    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while countedUpTo < offset {
            let byte = bytes[countedUpTo]
            if byte == 0x0A {
                line += 1
                scalarsInLine = 0
            } else if byte & 0xC0 != 0x80 {
                // Columns count scalars: every byte that is not a UTF-8 continuation byte starts one.
                scalarsInLine += 1
            }
            countedUpTo += 1
        }
        return (line, scalarsInLine + 1)
    }

    /// Moves past the next occurrence of `marker`, or to the end.
    mutating func skip(past marker: [UInt8]) {
        while index < bytes.count {
            if bytes[index] == marker[0], index + marker.count <= bytes.count,
               bytes[index..<(index + marker.count)].elementsEqual(marker) {
                index += marker.count
                return
            }
            index += 1
        }
    }

    mutating func readName() -> String {
        let start = index
        while let byte = peek, !HTMLScanner.isSpace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/") {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func skipSpaces() {
        while let byte = peek, HTMLScanner.isSpace(byte) { index += 1 }
    }

    /// Attributes up to and past the closing `>`. A repeated attribute keeps its first value, as browsers do.
    mutating func readAttributes() -> [(name: String, value: String)] {
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpaces()
            guard let byte = peek else { return attributes }
            if byte == UInt8(ascii: ">") { index += 1; return attributes }
            if byte == UInt8(ascii: "/") { index += 1; continue }
            let start = index
            while let byte = peek, !HTMLScanner.isSpace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "="),
                  index == start || byte != UInt8(ascii: "/") {
                index += 1
            }
            let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
            skipSpaces()
            var value = ""
            if peek == UInt8(ascii: "=") {
                index += 1
                skipSpaces()
                value = HTMLEntities.decode(readValue())
            }
            if !attributes.contains(where: { $0.name == name }) { attributes.append((name, value)) }
        }
    }

    private mutating func readValue() -> String {
        guard let quote = peek else { return "" }
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            let start = index
            while let byte = peek, byte != quote { index += 1 }
            let value = String(decoding: bytes[start..<index], as: UTF8.self)
            if peek != nil { index += 1 }
            return value
        }
        let start = index
        while let byte = peek, !HTMLScanner.isSpace(byte), byte != UInt8(ascii: ">") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The offset of `</name` (any case) from here, or the end of the page.
    func findEndTag(_ name: String) -> Int {
        let wanted = Array(name.utf8)
        var probe = index
        while probe + 1 + wanted.count < bytes.count {
            if bytes[probe] == UInt8(ascii: "<"), bytes[probe + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, letter) in wanted.enumerated() where bytes[probe + 2 + offset] | 0x20 != letter {
                    matches = false
                    break
                }
                if matches { return probe }
            }
            probe += 1
        }
        return bytes.count
    }
}
