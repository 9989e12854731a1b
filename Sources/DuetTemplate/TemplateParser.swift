/// Mustache text to a node tree, on UTF-8 bytes.
///
/// The rules follow swift-mustache 2.1.1 closely, quirks included (which whitespace a
/// non-standalone comment carries to the next text, which characters a name may have), so that
/// every theme written against it parses and renders the same.
struct TemplateParser {
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func parent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let bytes: [UInt8]
    private var position = 0
    /// Where the tag being parsed opens, for the references it makes.
    private var tagStart = 0
    private(set) var references: [TemplateReference] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> ParsedTemplate {
        var parser = TemplateParser(text)
        do {
            let nodes = try parser.parse(State())
            return ParsedTemplate(nodes: nodes, references: parser.references)
        } catch let kind {
            let (line, column) = parser.lineAndColumn(of: parser.position)
            throw TemplateSyntaxError(kind: kind, line: line, column: column)
        }
    }

    /// 1-based; the column counts characters, as an editor does.
    private func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let upTo = min(offset, bytes.count)
        var lineStart = upTo
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let line = bytes[..<upTo].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (line, String(decoding: bytes[lineStart..<upTo], as: UTF8.self).count + 1)
    }

    private mutating func noteReference(_ name: String, isParent: Bool) {
        guard !name.isEmpty else { return }
        let (line, column) = lineAndColumn(of: tagStart)
        references.append(TemplateReference(name: name, isParent: isParent, line: line, column: column))
    }

    // MARK: - Reading

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// `\n`, `\r\n` or a lone `\r` (as Swift's `Character.isNewline` reads them).
    private func newlineLength(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case UInt8(ascii: "\n"), 0x0B, 0x0C: return 1
        case UInt8(ascii: "\r"): return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        default: return 0
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private mutating func skipSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return bytes[start..<position]
    }

    private func starts(with delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private mutating func read(_ delimiter: [UInt8]) -> Bool {
        guard starts(with: delimiter, at: position) else { return false }
        position += delimiter.count
        return true
    }

    /// Text up to a newline (left unread) or the opening delimiter (consumed).
    private mutating func readUntilTagOrNewline(_ state: State) -> ArraySlice<UInt8> {
        let start = position
        guard let first = state.start.first else { return [] }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")) {
                return bytes[start..<position]
            }
            if byte == first, starts(with: state.start, at: position) {
                let text = bytes[start..<position]
                position += state.start.count
                return text
            }
            position += 1
        }
        return bytes[start..<position]
    }

    /// A standalone tag (alone on its line but for spaces and tabs) swallows the rest of its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        let saved = position
        _ = skipSpacesAndTabs()
        let length = newlineLength(at: position)
        if length > 0 {
            position += length
            return true
        }
        position = saved
        return false
    }

    // MARK: - Parsing

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError.Kind) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<UInt8> = []
        func appendText(_ text: ArraySlice<UInt8>) {
            nodes.append(.text(Array(text)))
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = skipSpacesAndTabs()
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block definition the first line's indentation is removed from every line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline(state)
            let newline = newlineLength(at: position)
            if newline > 0 {
                appendText(whiteSpaceBefore + text + bytes[position..<position + newline])
                state.newLine = true
                position += newline
                continue
            }
            if !text.isEmpty {
                appendText(whiteSpaceBefore + text)
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            tagStart = position - state.start.count
            var setNewLine = false
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                let body = try parse(state.section(name.written, newLine: setNewLine, transforms: name.transforms))
                nodes.append(inverted ? .inverted(name, body) : .section(name, body))

            case UInt8(ascii: "/"):
                position += 1
                let afterSlash = position
                let name = try parseName(state)
                guard name.written == state.sectionName, name.transforms == state.sectionTransforms else {
                    position = afterSlash
                    throw .mismatchedClose
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                while !atEnd, !starts(with: state.end, at: position) { position += 1 }
                guard read(state.end) else {
                    position = tagStart  // the comment's opening, not the end of the file
                    throw .unclosedComment
                }
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                position += 1
                let name = try parseName(state)
                if triple {
                    guard current == UInt8(ascii: "}") else { throw .unfinishedTag }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                var dynamic = false
                if current == UInt8(ascii: "*") {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !dynamic { noteReference(name, isParent: false) }
                if !whiteSpaceBefore.isEmpty { appendText(whiteSpaceBefore) }
                var indentation: [UInt8]?
                if isStandalone(state) {
                    setNewLine = true
                    indentation = Array(whiteSpaceBefore)
                }
                nodes.append(.partial(reference(name, dynamic: dynamic), indentation: indentation, overrides: nil))
                whiteSpaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let written = try parsePartialName(state)
                let dynamic = written.hasPrefix("*")
                let name = dynamic ? String(written.dropFirst()) : written
                if !dynamic { noteReference(name, isParent: true) }
                if !whiteSpaceBefore.isEmpty { appendText(whiteSpaceBefore) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.parent(written))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw .illegalInsideParent
                    }
                }
                nodes.append(.partial(reference(name, dynamic: dynamic), indentation: Array(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try parseName(state)
                guard name.transforms.isEmpty else { throw .transformOnBlock }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.section(name.written, newLine: setNewLine))
                    nodes.append(.blockDefinition(name.written, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { appendText(whiteSpaceBefore) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.section(name.written, newLine: setNewLine))
                    var intrinsic: [UInt8] = []
                    if setNewLine, case .text(let first)? = body.first {
                        intrinsic = Array(first.prefix { $0 == 0x20 || $0 == 0x09 })
                    }
                    nodes.append(.block(name.written, body, indentation: Array(whiteSpaceBefore), intrinsic: intrinsic))
                    whiteSpaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try parsePragma(state))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                nodes.append(.variable(try parseName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .unclosedSection }
        return nodes
    }

    private func reference(_ name: String, dynamic: Bool) -> PartialReference {
        dynamic ? .dynamic(Self.split(name, transforms: [], written: name)) : .named(name)
    }

    private static let nameBytes: [Bool] = table("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameWithCallBytes: [Bool] = table("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameBytes: [Bool] = table("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    private mutating func read(while allowed: [Bool]) -> String {
        let start = position
        while position < bytes.count, allowed[Int(bytes[position])] { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `name`, `a.b`, `.`, or transforms around a name: `uppercased(name)`, `first()`.
    private mutating func parseName(_ state: State) throws(TemplateSyntaxError.Kind) -> TemplateName {
        skipWhitespace()
        let text = read(while: Self.nameWithCallBytes)
        skipWhitespace()
        guard read(state.end) else { throw .unfinishedTag }
        let utf8 = Array(text.utf8)
        var index = 0
        func readName() -> String {
            let start = index
            while index < utf8.count, Self.nameBytes[Int(utf8[index])] { index += 1 }
            return String(decoding: utf8[start..<index], as: UTF8.self)
        }
        let first = readName()
        if index == utf8.count { return Self.split(first, transforms: [], written: text) }
        guard utf8[index] == UInt8(ascii: "(") else { throw .unfinishedTag }
        index += 1
        var transforms = [first]
        while true {
            let name = readName()
            guard index < utf8.count else { throw .unfinishedTag }
            if utf8[index] == UInt8(ascii: ")") {
                index += 1
                var closing = 1
                while index < utf8.count, utf8[index] == UInt8(ascii: ")") {
                    closing += 1
                    index += 1
                }
                guard closing == transforms.count, index == utf8.count else { throw .unfinishedTag }
                return Self.split(name, transforms: transforms.reversed(), written: name)
            } else if utf8[index] == UInt8(ascii: "(") {
                index += 1
                transforms.append(name)
            } else {
                throw .unfinishedTag
            }
        }
    }

    /// Splits a name at parse time; `transforms` comes innermost first.
    static func split(_ name: String, transforms: [String], written: String) -> TemplateName {
        if name == "." { return TemplateName(root: .current, keys: [], transforms: transforms, written: written) }
        if name.isEmpty, !transforms.isEmpty { return TemplateName(root: .sequence, keys: [], transforms: transforms, written: written) }
        let keys = name.split(separator: ".").map(String.init)
        return TemplateName(root: name.hasPrefix(".") ? .current : .stack, keys: keys, transforms: transforms, written: written)
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateSyntaxError.Kind) -> String {
        skipWhitespace()
        let text = read(while: Self.partialNameBytes)
        skipWhitespace()
        guard read(state.end) else { throw .unfinishedTag }
        return text
    }

    private mutating func setDelimiters(_ state: inout State) throws(TemplateSyntaxError.Kind) {
        skipWhitespace()
        let openStart = position
        while !atEnd, !Self.isWhitespace(current) { position += 1 }
        guard !atEnd else { throw .invalidSetDelimiter }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while !atEnd, current != UInt8(ascii: "="), !Self.isWhitespace(current) { position += 1 }
        guard !atEnd else { throw .invalidSetDelimiter }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard current == UInt8(ascii: "=") else { throw .invalidSetDelimiter }
        position += 1
        guard read(state.end), !open.isEmpty, !close.isEmpty else { throw .invalidSetDelimiter }
        state.start = open
        state.end = close
        state.isPartialDefinitionTopLevel = false
    }

    private mutating func parsePragma(_ state: State) throws(TemplateSyntaxError.Kind) -> TemplateNode {
        skipWhitespace()
        let variable = read(while: Self.nameBytes)
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw .invalidPragma }
        position += 1
        skipWhitespace()
        let value = read(while: Self.nameBytes)
        skipWhitespace()
        guard read(state.end), variable == "CONTENT_TYPE" else { throw .invalidPragma }
        switch value {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw .invalidPragma
        }
    }
}
