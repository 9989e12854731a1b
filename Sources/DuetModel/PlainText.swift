/// Text measures that must treat Chinese as Chinese: a reading time from words for English and
/// from characters for Chinese, and truncation that never cuts inside a character or a tag and
/// never leaves punctuation dangling before the ellipsis.
public enum PlainText {
    /// The text of an HTML fragment: tags dropped (a phrasing element's tags join the text around
    /// them, any other tag is a space, see `TagNameScanner`), the common entities decoded, spaces collapsed,
    /// and no space left where a tag stood before punctuation. Works on Unicode scalars, not
    /// Characters: it runs over every article's whole text, and grapheme breaking was its main cost.
    public static func from(html: String) -> String {
        var result = String.UnicodeScalarView()
        var inTag = false
        var pendingSpace = false
        var entity: String.UnicodeScalarView?
        func emit(_ scalar: Unicode.Scalar) {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                return
            }
            if pendingSpace, !closingPunctuation.contains(scalar) { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        var tag = TagNameScanner()
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" {
                    inTag = false
                    if !tag.joinsText { pendingSpace = !result.isEmpty }
                } else {
                    tag.read(scalar)
                }
                continue
            }
            if var pending = entity {
                if scalar == ";" {
                    decode(String(pending)).unicodeScalars.forEach(emit)
                    entity = nil
                } else if pending.count < 10, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" {
                    pending.append(scalar)
                    entity = pending
                } else {
                    "&".unicodeScalars.forEach(emit)
                    pending.forEach(emit)
                    entity = nil
                    emit(scalar)
                }
                continue
            }
            switch scalar {
            case "<": inTag = true; tag = TagNameScanner()
            case "&": entity = String.UnicodeScalarView()
            default: emit(scalar)
            }
        }
        if let pending = entity {
            "&".unicodeScalars.forEach(emit)
            pending.forEach(emit)
        }
        return String(result)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    private static let closingPunctuation: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", ",", ".", ";", ":", "!", "?", ")"]

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return " "
        case "ldquo": return "“"
        case "rdquo": return "”"
        case "lsquo": return "‘"
        case "rsquo": return "’"
        case "mdash": return "—"
        case "ndash": return "–"
        case "hellip": return "…"
        case "laquo": return "«"
        case "raquo": return "»"
        default:
            if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            return "&\(name);"
        }
    }

    public static func isCJK(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isCJK) ?? false
    }

    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Full-width: CJK characters and the CJK and full-width punctuation that sits among them.
    public static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isCJK(character) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }

    /// Minutes to read: CJK characters at 400 a minute, other words at 230, at least one minute.
    public static func readingMinutes(_ text: String) -> Int {
        var cjk = 0
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordPart: Bool
            if value < 0x80 {
                isWordPart = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            } else if isCJK(scalar) {
                cjk += 1
                inWord = false
                continue
            } else {
                isWordPart = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordPart, !inWord { words += 1 }
            inWord = isWordPart
        }
        let minutes = Double(cjk) / 400 + Double(words) / 230
        return max(1, Int(minutes.rounded()))
    }

    /// At most `width` display units (a CJK character counts two, like a terminal or a search
    /// snippet), cut at a word boundary in Latin text and between characters in Chinese, with no
    /// punctuation left before the ellipsis.
    public static func truncate(_ text: String, width: Int) -> String {
        var used = 0
        var end = text.startIndex
        var lastBreak: String.Index?
        for index in text.indices {
            let character = text[index]
            let cost = isWide(character) ? 2 : 1
            if used + cost > width {
                let cut = isCJK(character) ? end : (lastBreak ?? end)
                return trimmedForEllipsis(text[..<cut]) + "…"
            }
            used += cost
            if character == " " || isCJK(character) { lastBreak = isCJK(character) ? text.index(after: index) : index }
            end = text.index(after: index)
        }
        return text
    }

    private static func trimmedForEllipsis(_ text: Substring) -> String {
        let dangling: Set<Character> = [" ", ",", ";", ":", "-", "—", "–", "(", "，", "、", "；", "：", "（", "「", "“", "‘", "《", "。", ".", "!", "?", "！", "？"]
        var result = text
        while let last = result.last, dangling.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
