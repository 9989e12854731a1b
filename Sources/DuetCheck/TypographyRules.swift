import DuetModel

/// `duet check --typography`: the CJK typography mistakes editors of a bilingual review catch by
/// eye, over the Markdown source (front matter, code and URLs left alone):
/// - Chinese text: half-width `, . ; : ! ?` right after a Han character, where the full-width form belongs;
/// - Chinese text: a space before a closing full-width mark (`style 。`): the mark carries its own
///   space, and the browser may break the line at the space and start the next line with `。`,
///   which `line-break: strict` prevents everywhere else (measured by `scripts/check-typography`);
/// - English text: full-width letters and digits (`ＡＢＣ１２３`), usually left over from a Chinese input method;
/// - Chinese text, when `typography: { space_between_cjk_and_latin: true }`: Han characters touching Latin letters or digits,
///   on a line or across a line break (the renderer drops a line break beside Chinese text, so
///   `Swift⏎语言` reads `Swift语言`).
public struct TypographyRules: Sendable {
    public var settings: TypographySettings

    public init(settings: TypographySettings = TypographySettings()) {
        self.settings = settings
    }

    private static let closingMarks: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "〉", "】", "〕"]

    private static let fullWidth: [Unicode.Scalar: Character] = [",": "，", ".": "。", ";": "；", ":": "：", "!": "！", "?": "？"]

    /// - Parameters:
    ///   - markdown: the whole file, front matter included (line numbers are the file's).
    ///   - language: the document's language code; rules apply to `zh*` and `en*` documents.
    public func check(markdown: String, path: String, language: String) -> [Diagnostic] {
        let chinese = language.lowercased().hasPrefix("zh")
        let english = language.lowercased().hasPrefix("en")
        guard chinese || english else { return [] }
        var diagnostics: [Diagnostic] = []
        // The last prose character of the line before, while the paragraph goes on.
        var carried: (line: Int, scalar: Unicode.Scalar)?
        for (number, line) in Self.proseLines(of: markdown) {
            let scalars = Array(line.unicodeScalars)
            let skip = Self.nonProseMask(scalars)
            func at(_ index: Int) -> SourceLocation { SourceLocation(file: path, line: number, column: index + 1) }
            if chinese, settings.spaceBetweenCJKAndLatin, let previous = carried, previous.line == number - 1, !Self.startsBlock(line),
               let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }), !skip[first],
               (Self.isHan(previous.scalar) && Self.isLatinOrDigit(scalars[first]))
                || (Self.isLatinOrDigit(previous.scalar) && Self.isHan(scalars[first])) {
                diagnostics.append(.warning("the line break between '\(previous.scalar)' and '\(scalars[first])' renders as no space "
                                            + "between Chinese and Latin text: join the two lines with a space", at: at(first)))
            }
            carried = nil
            if let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }), !skip[last],
               scalars.count - last < 3, scalars[last] != "\\", !Self.startsBlock(line, headingOnly: true) {
                carried = (number, scalars[last])
            }
            var index = 0
            while index < scalars.count {
                defer { index += 1 }
                guard !skip[index] else { continue }
                let scalar = scalars[index]
                let previous: Unicode.Scalar? = index > 0 && !skip[index - 1] ? scalars[index - 1] : nil
                if chinese, let previous, Self.isHan(previous), let wanted = Self.fullWidth[scalar],
                   !(scalar == "!" && index + 1 < scalars.count && scalars[index + 1] == "[") {
                    diagnostics.append(.warning("half-width '\(scalar)' after Chinese text: use '\(wanted)'", at: at(index)))
                    while index + 1 < scalars.count, scalars[index + 1] == scalar { index += 1 }
                    continue
                }
                if chinese, scalar == " ", index > 0, !scalars[index - 1].properties.isWhitespace, index + 1 < scalars.count,
                   !skip[index + 1], Self.closingMarks.contains(scalars[index + 1]) {
                    diagnostics.append(.warning("space before '\(scalars[index + 1])': a full-width mark needs no space, "
                                                + "and a line could start with it there", at: at(index)))
                    continue
                }
                if chinese, settings.spaceBetweenCJKAndLatin, let previous,
                   (Self.isHan(previous) && Self.isLatinOrDigit(scalar)) || (Self.isLatinOrDigit(previous) && Self.isHan(scalar)) {
                    diagnostics.append(.warning("no space between Chinese and Latin text in '\(previous)\(scalar)': add a space",
                                                at: at(index)))
                }
                if english, Self.isFullWidthAlphanumeric(scalar) {
                    var end = index
                    while end + 1 < scalars.count, !skip[end + 1], Self.isFullWidthAlphanumeric(scalars[end + 1]) { end += 1 }
                    let run = String(String.UnicodeScalarView(scalars[index...end]))
                    let halfWidth = String(String.UnicodeScalarView(scalars[index...end].compactMap { Unicode.Scalar($0.value - 0xFEE0) }))
                    diagnostics.append(.warning("full-width '\(run)' in English text: use '\(halfWidth)'", at: at(index)))
                    index = end
                }
            }
        }
        return diagnostics
    }

    /// The lines that hold prose, with their 1-based numbers: no front matter, no fenced code.
    static func proseLines(of markdown: String) -> [(Int, Substring)] {
        var text = markdown.replacing("\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [(Int, Substring)] = []
        var index = 0
        if let first = lines.first, first.trimmingTrailingSpaces == "---" {
            index = 1
            while index < lines.count, !["---", "..."].contains(lines[index].trimmingTrailingSpaces) { index += 1 }
            index += 1
        }
        var fence: (character: Character, length: Int)?
        var indentedCode = false
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            let indent = line.prefix { $0 == " " }.count
            let marker = line.dropFirst(indent)
            if indent <= 3, let first = marker.first, first == "`" || first == "~" {
                let length = marker.prefix { $0 == first }.count
                if let open = fence {
                    if first == open.character, length >= open.length, marker.dropFirst(length).allSatisfy(\.isWhitespace) {
                        fence = nil
                    }
                    continue
                }
                if length >= 3 {
                    fence = (first, length)
                    continue
                }
            }
            if fence != nil { continue }
            // A line indented four spaces after a blank line starts a code block, which runs to
            // the next line that is not indented (blank lines inside it included).
            let blank = line.allSatisfy(\.isWhitespace)
            let indented = line.hasPrefix("    ") || line.hasPrefix("\t")
            if indented, indentedCode || (index > 0 && lines[index - 1].allSatisfy(\.isWhitespace)) {
                indentedCode = true
                continue
            }
            if !blank { indentedCode = false }
            result.append((index + 1, line))
        }
        return result
    }

    /// True for every scalar of a line that is not prose: inline code, link destinations,
    /// autolinks and HTML tags, bare URLs, and the URL of a reference definition.
    static func nonProseMask(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var skip = [Bool](repeating: false, count: scalars.count)
        func mark(_ range: Range<Int>) { for i in range where i < skip.count { skip[i] = true } }
        func starts(_ text: String, at index: Int) -> Bool {
            var i = index
            for scalar in text.unicodeScalars {
                guard i < scalars.count, scalars[i] == scalar else { return false }
                i += 1
            }
            return true
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" {
                var run = index
                while run < scalars.count, scalars[run] == "`" { run += 1 }
                let length = run - index
                var probe = run
                var close: Int?
                while probe < scalars.count {
                    if scalars[probe] == "`" {
                        var end = probe
                        while end < scalars.count, scalars[end] == "`" { end += 1 }
                        if end - probe == length { close = end; break }
                        probe = end
                    } else {
                        probe += 1
                    }
                }
                if let close { mark(index..<close); index = close } else { index = run }
                continue
            }
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(" {
                let end = scalars[(index + 2)...].firstIndex(of: ")") ?? scalars.count
                mark(index + 1..<min(end + 1, scalars.count))
                index = end + 1
                continue
            }
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == ":" {
                mark(index + 1..<scalars.count)
                break
            }
            if scalar == "<", let end = scalars[index...].firstIndex(of: ">") {
                mark(index..<end + 1)
                index = end + 1
                continue
            }
            if scalar == "h" || scalar == "w", starts("http://", at: index) || starts("https://", at: index) || starts("www.", at: index) {
                var end = index
                while end < scalars.count, !scalars[end].properties.isWhitespace, !EastAsianWidth.endsBareURL(scalars[end].value) {
                    end += 1
                }
                mark(index..<end)
                index = end
                continue
            }
            index += 1
        }
        return skip
    }

    /// A line that starts a block of its own (a heading, list item, quote, table row), so the line
    /// before it is not joined to it; with `headingOnly`, only a heading, which no line joins.
    static func startsBlock(_ line: Substring, headingOnly: Bool = false) -> Bool {
        let text = line.drop { $0 == " " }
        if text.hasPrefix("#") { return true }
        if headingOnly { return false }
        if text.hasPrefix(">") || text.hasPrefix("|") || text.hasPrefix("<") { return true }
        if ["- ", "* ", "+ "].contains(where: { text.hasPrefix($0) }) { return true }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (text.dropFirst(digits.count).hasPrefix(". ") || text.dropFirst(digits.count).hasPrefix(") "))
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return true
        default: return false
        }
    }

    static func isLatinOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// `０-９`, `Ａ-Ｚ`, `ａ-ｚ`: the letters and digits of the full-width block U+FF01-FF5E.
    static func isFullWidthAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var trimmed = self
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
