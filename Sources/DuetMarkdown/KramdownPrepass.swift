import DuetModel

/// Before cmark: attribute lists become markers, extensions are removed or reported.
struct KramdownPrepass {
    let bytes: [UInt8]
    let path: String
    let firstLine: Int
    private(set) var output = ""
    private(set) var lists: [KramdownList] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Each list costs a walk over the HTML after cmark: past this many, the rest stay text.
    static let maxLists = 2_000

    init(text: String, path: String, firstLine: Int) {
        bytes = Array(text.utf8)
        self.path = path
        self.firstLine = firstLine
    }

    /// Where the last location was asked for: offsets come in increasing order, so each is
    /// counted on from the previous one rather than from the top of the text.
    private var cursor = (offset: 0, line: 0, column: 1)

    private mutating func location(_ offset: Int) -> SourceLocation {
        if offset < cursor.offset { cursor = (0, 0, 1) }
        var (line, column) = (cursor.line, cursor.column)
        for byte in bytes[cursor.offset..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        cursor = (offset, line, column)
        return SourceLocation(file: path, line: firstLine + line, column: column)
    }

    mutating func run() {
        let code = MarkdownCodeRanges.find(in: bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var codeIndex = 0
        while index < bytes.count {
            while codeIndex < code.count, code[codeIndex].upperBound <= index { codeIndex += 1 }
            if codeIndex < code.count, code[codeIndex].contains(index) {
                out += bytes[index..<code[codeIndex].upperBound]
                index = code[codeIndex].upperBound
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count,
                  let close = bytes[index...].prefix(400).firstIndex(of: UInt8(ascii: "}")) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let second = bytes[index + 1]
            if second == UInt8(ascii: ":"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ":") {
                index = extensionTag(at: index, close: close, into: &out)
                continue
            }
            let innerStart = second == UInt8(ascii: ":") ? index + 2 : index + 1
            let isList = second == UInt8(ascii: ":") || second == UInt8(ascii: "#") || second == UInt8(ascii: ".")
            let inner = Substring(String(decoding: bytes[innerStart..<close], as: UTF8.self))
            let definitionName = inner.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            let isDefinition = second == UInt8(ascii: ":") && !definitionName.isEmpty
                && inner.dropFirst(definitionName.count).hasPrefix(":")
                && (inner.dropFirst(definitionName.count + 1).first.map { $0 == " " } ?? true)
            guard isList, !isDefinition, lists.count < Self.maxLists, let attributes = KramdownAttributes(inner) else {
                if isDefinition {
                    diagnostics.append(.warning("kramdown attribute list definition '{:\(inner)}' is not supported; it is left as text",
                                                at: location(index)))
                }
                out.append(bytes[index])
                index += 1
                continue
            }
            // `{#id}` and `{.class}` only count at the end of a heading line (kramdown's header ids);
            // elsewhere they are prose.
            if second != UInt8(ascii: ":") {
                let lineEnd = bytes[close...].firstIndex(of: 0x0A) ?? bytes.count
                let lineStart = bytes[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let isHeading = bytes[lineStart..<index].drop { $0 == 0x20 }.first == UInt8(ascii: "#")
                guard isHeading, bytes[(close + 1)..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else {
                    out.append(bytes[index])
                    index += 1
                    continue
                }
            }
            let lineStart = bytes[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let lineEnd = bytes[close...].firstIndex(of: 0x0A) ?? bytes.count
            let ownLine = bytes[lineStart..<index].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                && bytes[(close + 1)..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            lists.append(KramdownList(attributes: attributes, written: String(decoding: bytes[index...close], as: UTF8.self),
                                      location: location(index), ownLine: ownLine))
            out += Array(KramdownMarker.text(lists.count - 1).utf8)
            index = close + 1
        }
        output = String(decoding: out, as: UTF8.self)
        reportOtherSyntax(outside: code)
    }

    /// kramdown's abbreviations, definition lists and math have no CommonMark meaning: a reader
    /// would see them as text, so each is a warning at its line.
    private mutating func reportOtherSyntax(outside code: [Range<Int>]) {
        var lineStart = 0
        var previousBlank = true
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            let inCode = code.contains { $0.contains(lineStart) }
            let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if !inCode {
                let text = String(decoding: line, as: UTF8.self)
                let trimmed = text.drop { $0 == " " }
                if trimmed.hasPrefix("*["), trimmed.contains("]:") {
                    diagnostics.append(.warning("kramdown abbreviation definitions are not supported; the line is shown as text", at: location(lineStart)))
                } else if trimmed.hasPrefix(": "), !previousBlank {
                    diagnostics.append(.warning("kramdown definition lists are not supported; the definition is shown as a paragraph", at: location(lineStart)))
                } else if trimmed.hasPrefix("$$") {
                    diagnostics.append(.warning("kramdown math is not rendered; '$$' and the formula are shown as text", at: location(lineStart)))
                }
            }
            previousBlank = blank
            lineStart = lineEnd + 1
        }
    }

    /// `{::comment}...{:/comment}`, `{::options ... /}`, `{::nomarkdown}...{:/nomarkdown}`;
    /// returns where to go on.
    private mutating func extensionTag(at start: Int, close: Int, into out: inout [UInt8]) -> Int {
        let inner = String(decoding: bytes[(start + 3)..<close], as: UTF8.self)
        let name = String(inner.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        let selfClosing = inner.hasSuffix("/")
        let ending = Array("{:/\(name)}".utf8)
        func endOfBlock() -> (body: Range<Int>, after: Int)? {
            var search = close + 1
            while search + ending.count <= bytes.count {
                if bytes[search] == UInt8(ascii: "{"), Array(bytes[search..<(search + ending.count)]) == ending {
                    return ((close + 1)..<search, search + ending.count)
                }
                search += 1
            }
            return nil
        }
        switch name {
        case "options":
            return close + 1
        case "comment", "nomarkdown":
            if selfClosing { return close + 1 }
            guard let block = endOfBlock() else {
                diagnostics.append(.warning("kramdown '{::\(name)}' is never closed with '{:/\(name)}'; the rest of the text is dropped",
                                            at: location(start)))
                return bytes.count
            }
            if name == "nomarkdown" {
                // Kept away from cmark behind a marker, put back as written after it.
                lists.append(KramdownList(attributes: KramdownAttributes(), written: String(decoding: bytes[block.body], as: UTF8.self),
                                          location: location(start), isRawHTML: true))
                out += Array(KramdownMarker.text(lists.count - 1).utf8)
            }
            return block.after
        default:
            diagnostics.append(.warning("kramdown extension '{::\(name)}' is not supported; it is left as text", at: location(start)))
            out += bytes[start...close]
            return close + 1
        }
    }
}
