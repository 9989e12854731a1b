import Foundation

/// Text extracted from a PDF -> Markdown. Extraction leaves the page layout behind: lines broken
/// at the column edge, words hyphenated across lines, page numbers and running headers between
/// paragraphs, bullets as glyphs. This undoes each, and finds the headings by their shape.
public enum PlainTextImport {
    public struct Article: Hashable, Sendable {
        /// The first heading, or nil when the text has none.
        public var title: String?
        public var markdown: String
    }

    /// Glyphs PDF extraction leaves where a list item began.
    static let bullets: Set<Character> = ["•", "▪", "●", "–", "◦", "‣", "▫", "■"]
    /// A line ending in one of these is the end of a sentence, not a heading.
    static let finalPunctuation: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "…", "。", "，", "；", "：", "！", "？", "、", "”", "’", "\"", ")", "）", "」", "』",
    ]
    /// A line repeated at least this often is a running header or footer.
    static let runningHeaderRepeats = 3

    /// Refuses what is not text: NUL bytes or invalid UTF-8 (a PDF passed by mistake), or nothing.
    public static func decode(_ data: Data, path: String) throws(AuthoringError) -> String {
        if let nul = data.firstIndex(of: 0) {
            throw .binaryInput(path: path, line: data[..<nul].count { $0 == 0x0A } + 1)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0
            throw .binaryInput(path: path, line: bad + 1)
        }
        guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyInput(path: path) }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    public static func convert(_ text: String) -> Article {
        let lines = cleanLines(text)
        var blocks = Self.blocks(lines)
        var title: String?
        if let first = blocks.firstIndex(where: { if case .heading = $0 { return true } else { return false } }),
           case .heading(let text) = blocks[first] {
            title = text
            blocks.remove(at: first)
        }
        return Article(title: title, markdown: render(blocks))
    }

    /// Lines without trailing space, page numbers or running headers; page breaks become blank lines.
    static func cleanLines(_ text: String) -> [String] {
        let raw = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").replacing("\u{0C}", with: "\n\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{00A0}\u{3000}"))) }
        var counts: [String: Int] = [:]
        for line in raw where !line.isEmpty && line.count <= 80 { counts[line, default: 0] += 1 }
        return raw.map { line in
            if isPageNumber(line) { return "" }
            if let count = counts[line], count >= runningHeaderRepeats, !startsWithBullet(line) { return "" }
            return line
        }
    }

    /// `12`, `- 12 -`, `Page 12`, `12 of 30`, `12/30`, `第 12 页`, `第12页 共30页`.
    static func isPageNumber(_ line: String) -> Bool {
        line.wholeMatch(of: /(?i)[-–—\s]*(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?[-–—\s]*/) != nil
            || line.wholeMatch(of: /第\s*\d{1,4}\s*页(\s*[,，\/]?\s*共\s*\d{1,4}\s*页)?/) != nil
    }

    static func startsWithBullet(_ line: String) -> Bool {
        guard let first = line.first, bullets.contains(first) else { return false }
        let rest = line.dropFirst()
        return rest.isEmpty || rest.first?.isWhitespace == true
    }

    enum Block: Hashable {
        case heading(String)
        case paragraph(String)
        case item(String)
    }

    /// Blank lines separate blocks; a bullet starts an item even in the middle of a block; a lone
    /// short line without final punctuation is a heading.
    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var group: [String] = []
        func flush() {
            defer { group = [] }
            guard !group.isEmpty else { return }
            if group.count == 1, isHeading(group[0]) {
                blocks.append(.heading(group[0]))
                return
            }
            var current: (isItem: Bool, text: String)?
            for line in group {
                if startsWithBullet(line) {
                    if let current { blocks.append(current.isItem ? .item(current.text) : .paragraph(current.text)) }
                    current = (true, line.dropFirst().trimmingCharacters(in: .whitespaces))
                } else if let open = current {
                    current = (open.isItem, join(open.text, line))
                } else {
                    current = (false, line)
                }
            }
            if let current { blocks.append(current.isItem ? .item(current.text) : .paragraph(current.text)) }
        }
        for line in lines {
            if line.isEmpty { flush() } else { group.append(line) }
        }
        flush()
        return blocks
    }

    static func isHeading(_ line: String) -> Bool {
        guard let first = line.first, let last = line.last, !startsWithBullet(line),
              !finalPunctuation.contains(last), first.isUppercase || first.isNumber || isWide(first) || first == "“" else {
            return false
        }
        let wide = line.contains(where: isWide)
        return wide ? line.count <= 30 : line.count <= 80 && line.split(separator: " ").count <= 12
    }

    /// Two lines of one paragraph: English with a space, Chinese without; a word hyphenated at
    /// the line end is rejoined (`nego-` + `tiation`), a real hyphen kept (`US-` + `China`).
    static func join(_ left: String, _ right: String) -> String {
        guard let last = left.last, let next = right.first else { return left + right }
        if last == "-", left.dropLast().last?.isLetter == true, next.isLetter {
            return next.isLowercase ? String(left.dropLast()) + right : left + right
        }
        if isWide(last) || isWide(next) { return left + right }
        return left + " " + right
    }

    /// CJK ideographs, kana, Hangul and full-width punctuation: scripts written without spaces.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func render(_ blocks: [Block]) -> String {
        var output = ""
        var previous: Block?
        for block in blocks {
            switch block {
            case .heading(let text):
                output += (output.isEmpty ? "" : "\n") + "## " + text + "\n"
            case .paragraph(let text):
                output += (output.isEmpty ? "" : "\n") + escaped(text) + "\n"
            case .item(let text):
                if case .item? = previous {} else if !output.isEmpty { output += "\n" }
                output += "- " + escaped(text) + "\n"
            }
            previous = block
        }
        return output
    }

    /// Text that Markdown would read as markup at the start of a block: `# `, `1. `, `> `, `- `.
    static func escaped(_ text: String) -> String {
        if text.hasPrefix("#") || text.hasPrefix(">") || text.hasPrefix("- ") || text.hasPrefix("+ ")
            || text.hasPrefix("* ") || text.hasPrefix("=") {
            return "\\" + text
        }
        if let match = text.prefixMatch(of: /\d{1,9}([.)])\s/) {
            let digits = text[..<match.output.1.startIndex]
            return digits + "\\" + text[match.output.1.startIndex...]
        }
        return text
    }
}
