/// Text measures that must treat Chinese as Chinese: a reading time from words for English and
/// from characters for Chinese, and truncation that never cuts inside a character or a tag and
/// never leaves punctuation dangling before the ellipsis.
enum PlainText {
    /// The text of an HTML fragment: tags dropped, the common entities decoded, spaces collapsed.
    static func from(html: String) -> String {
        var text = ""
        var inTag = false
        var entity: String?
        for character in html {
            if inTag {
                if character == ">" { inTag = false; text.append(" ") }
                continue
            }
            if var pending = entity {
                if character == ";" {
                    text += decode(pending)
                    entity = nil
                } else if pending.count < 10, character.isLetter || character.isNumber || character == "#" {
                    pending.append(character)
                    entity = pending
                } else {
                    text += "&" + pending
                    entity = nil
                    text.append(character)
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case "&": entity = ""
            default: text.append(character)
            }
        }
        if let pending = entity { text += "&" + pending }
        // Collapse whitespace, and drop a space that a tag left before punctuation.
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, !closingPunctuation.contains(character) { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    private static let closingPunctuation: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", ",", ".", ";", ":", "!", "?", ")"]

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return " "
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

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Full-width: CJK characters and the CJK and full-width punctuation that sits among them.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isCJK(character) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }

    /// Minutes to read: CJK characters at 400 a minute, other words at 230, at least one minute.
    static func readingMinutes(_ text: String) -> Int {
        var cjk = 0
        var words = 0
        var inWord = false
        for character in text {
            if isCJK(character) {
                cjk += 1
                inWord = false
            } else if character.isLetter || character.isNumber {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        let minutes = Double(cjk) / 400 + Double(words) / 230
        return max(1, Int(minutes.rounded()))
    }

    /// At most `width` display units (a CJK character counts two, like a terminal or a search
    /// snippet), cut at a word boundary in Latin text and between characters in Chinese, with no
    /// punctuation left before the ellipsis.
    static func truncate(_ text: String, width: Int) -> String {
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
