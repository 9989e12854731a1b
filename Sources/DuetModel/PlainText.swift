/// Text measures that must treat Chinese as Chinese: a reading time from words for English and
/// from characters for Chinese, and truncation that never cuts inside a character or a tag and
/// never leaves punctuation dangling before the ellipsis.
public enum PlainText {
    /// The text of an HTML fragment: tags dropped (a phrasing element's tags join the text around
    /// them, any other tag is a space, see `TagNameScanner`), the common entities decoded, spaces
    /// collapsed, and no space left where a tag stood before punctuation. Works on UTF-8 bytes: tags, spaces
    /// and references are ASCII, a Chinese character is copied as its three bytes, and only other
    /// non-ASCII characters are decoded to ask whether they are spaces or closing punctuation.
    /// It runs over every article's whole text at parse time.
    public static func from(html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var scanner = TextScanner(output: output)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if scanner.inTag {
                    // Inside a tag only its name counts (it decides whether the tag stands for a
                    // space), then nothing until its `>`.
                    guard let close = UnsafeBufferPointer(rebasing: bytes[index...]).firstIndex(of: UInt8(ascii: ">")) else { break }
                    for byte in UnsafeBufferPointer(rebasing: bytes[index..<(index + min(close, 16))]) {
                        scanner.tag.read(Unicode.Scalar(byte))
                    }
                    index += close
                    scanner.read(">", bytes: UnsafeBufferPointer(rebasing: bytes[index..<index + 1]))
                    index += 1
                    continue
                }
                if scanner.entity == nil, isPlainASCII(byte) {
                    // A run of ASCII text with no space, tag or reference in it: copied whole.
                    var end = index + 1
                    while end < bytes.count, isPlainASCII(bytes[end]) { end += 1 }
                    scanner.emit(Unicode.Scalar(byte), bytes: UnsafeBufferPointer(rebasing: bytes[index..<index + 1]))
                    scanner.output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                    index = end
                    continue
                }
                if scanner.entity == nil, isCommonHan(bytes, at: index) {
                    // A run of Han characters: only the first can take the pending space.
                    var end = index + 3
                    while isCommonHan(bytes, at: end) { end += 3 }
                    scanner.emit(decode(bytes, at: index, width: 3), bytes: UnsafeBufferPointer(rebasing: bytes[index..<index + 3]))
                    scanner.output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 3)..<end]))
                    index = end
                    continue
                }
                let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                scanner.read(byte < 0x80 ? Unicode.Scalar(byte) : decode(bytes, at: index, width: width),
                             bytes: UnsafeBufferPointer(rebasing: bytes[index..<index + width]))
                index += width
            }
            scanner.finish()
            return String(decoding: scanner.output, as: UTF8.self)
        }
    }

    /// ASCII that is text as it stands: not a space, not the start of a tag or a reference.
    @inline(__always)
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x80 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&")
    }

    /// Whether the bytes at `index` are one character of U+4E00–U+9FFF (the common Han block,
    /// `E4 B8 80` to `E9 BF BF`), which plain text copies as it stands.
    @inline(__always)
    private static func isCommonHan(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 2 < bytes.count else { return false }
        let lead = bytes[index]
        return (lead >= 0xE5 && lead <= 0xE9) || (lead == 0xE4 && bytes[index + 1] >= 0xB8)
    }

    /// The scalar of a multi-byte sequence in valid UTF-8 (a String's bytes always are).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[index]) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The state of `from(html:)` between two characters.
    private struct TextScanner {
        var output: [UInt8]
        var inTag = false
        var pendingSpace = false
        var tag = TagNameScanner()
        /// The name of a reference being read, after its `&`.
        var entity: [Unicode.Scalar]?

        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>) {
            if inTag {
                if scalar == ">" {
                    inTag = false
                    if !tag.joinsText { pendingSpace = !output.isEmpty }
                }
                return
            }
            if var pending = entity {
                if scalar == ";" {
                    entity = nil
                    PlainText.decode(String(String.UnicodeScalarView(pending))).unicodeScalars.forEach { emit($0) }
                } else if pending.count < 10, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" {
                    pending.append(scalar)
                    entity = pending
                } else {
                    entity = nil
                    emit("&")
                    pending.forEach { emit($0) }
                    emit(scalar, bytes: bytes)
                }
                return
            }
            switch scalar {
            case "<": inTag = true; tag = TagNameScanner()
            case "&": entity = []
            default: emit(scalar, bytes: bytes)
            }
        }

        mutating func finish() {
            if let pending = entity {
                emit("&")
                pending.forEach { emit($0) }
            }
        }

        @inline(__always)
        mutating func emit(_ scalar: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>? = nil) {
            // The common Han block is neither space nor punctuation: copied as it stands.
            let value = scalar.value
            if value >= 0x4E00, value <= 0x9FFF {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
            } else {
                if PlainText.isSpace(scalar) {
                    pendingSpace = !output.isEmpty
                    return
                }
                if pendingSpace, !PlainText.isClosingPunctuation(scalar) { output.append(0x20) }
                pendingSpace = false
            }
            if let bytes {
                output.append(contentsOf: bytes)
            } else if value < 0x80 {
                output.append(UInt8(value))
            } else {
                output.append(contentsOf: String(Character(scalar)).utf8)
            }
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Punctuation that closes on the text before it: no space is kept in front of it. A switch,
    /// not a `Set`: it is asked after every space of every article.
    private static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", ",", ".", ";", ":", "!", "?", ")": true
        default: false
        }
    }

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

    @inlinable
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
        var text = text
        // On the UTF-8 bytes: an ASCII byte is classified as it stands, and only a longer
        // sequence is decoded (the text is valid UTF-8, so its lead byte gives its width).
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isWordPart: Bool
                if byte < 0x80 {
                    index += 1
                    isWordPart = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                } else {
                    let width = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    let scalar = decode(bytes, at: index, width: min(width, bytes.count - index))
                    index += width
                    if isCJK(scalar) {
                        cjk += 1
                        inWord = false
                        continue
                    }
                    isWordPart = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                }
                if isWordPart, !inWord { words += 1 }
                inWord = isWordPart
            }
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
