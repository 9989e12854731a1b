/// `Byline.parseNames` on UTF-8 bytes for the bylines nearly every article has: text whose
/// Characters are each one scalar that no case mapping, normalization or grapheme rule can touch
/// (ASCII but CR, CJK ideographs, the middle dot and the CJK separators). For such text a
/// Character is its scalar and a byte match is a Character match, so the answer is the same as
/// the Character walk's, which cost a sixth of building the site graph (every article, every build).
enum PlainByline {
    /// Nil when the text holds any other scalar: the Character walk answers it.
    static func names(_ text: String) -> (names: [String], etAl: Bool)? {
        var copy = text
        return copy.withUTF8 { bytes in
            guard isPlain(bytes) else { return nil }
            return names(in: bytes)
        }
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }   // CR LF is one Character
                index += 1
                continue
            }
            if lead == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xB7 { index += 2; continue }   // ·
            guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            switch scalar {
            case 0x4E00...0x9FFF, 0x3001, 0x30FB, 0xFF0C, 0xFF1B: index += 3
            default: return false
            }
        }
        return true
    }

    private static let etAlMarkers: [[UInt8]] = ["et al.", "et al", "等人", "等"].map { Array($0.utf8) }
    /// `String.splitting(separators:)`'s, in its order.
    private static let joiners: [[UInt8]] = [" and ", "和", "与", "及"].map { Array($0.utf8) }

    private static func names(in bytes: UnsafeBufferPointer<UInt8>) -> (names: [String], etAl: Bool) {
        var (start, end) = trimmed(bytes, 0, bytes.count)
        var etAl = false
        for marker in etAlMarkers where hasSuffix(bytes, start, end, marker) {
            etAl = true
            (start, end) = trimmed(bytes, start, end - marker.count)
            while let comma = trailingComma(bytes, start, end) { (start, end) = trimmed(bytes, start, end - comma) }
            break
        }
        var names: [String] = []
        var pieceStart = start
        var index = start
        while index <= end {
            let separator = index == end ? 0 : separatorLength(bytes, at: index, before: end)
            guard index == end || separator > 0 else { index += 1; continue }
            if index > pieceStart {
                var (lower, upper) = trimmed(bytes, pieceStart, index)
                if has(bytes, andPrefix, at: lower, before: upper, folding: true) { (lower, upper) = trimmed(bytes, lower + 4, upper) }
                appendJoined(bytes, lower, upper, to: &names)
            }
            if index == end { break }
            index += separator
            pieceStart = index
        }
        return (names, etAl)
    }

    /// The length of `,`, `，` or `、` ending the text, else nil.
    private static func trailingComma(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start else { return nil }
        if bytes[end - 1] == 0x2C { return 1 }
        guard end - start >= 3 else { return nil }
        let (a, b, c) = (bytes[end - 3], bytes[end - 2], bytes[end - 1])
        return (a, b, c) == (0xEF, 0xBC, 0x8C) || (a, b, c) == (0xE3, 0x80, 0x81) ? 3 : nil
    }

    /// The length of the separator of names starting at `index` (`,` `，` `、` `;` `；` `&`), else 0.
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Int {
        switch bytes[index] {
        case 0x2C, 0x3B, 0x26: return 1
        case 0xEF where index + 2 < end && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x8C || bytes[index + 2] == 0x9B): return 3
        case 0xE3 where index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81: return 3
        default: return 0
        }
    }

    /// `String.splitting(separators:)` of the trimmed piece, each part trimmed and the empty
    /// left out: split at every joiner in turn where every side is left non-empty (and, for the
    /// one-Character CJK joiners, at least two Characters long, which in plain text are its scalars).
    private static func appendJoined(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to names: inout [String]) {
        func append(_ lower: Int, _ upper: Int) {
            let (lower, upper) = trimmed(bytes, lower, upper)
            if upper > lower { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)) }
        }
        // Most names hold no joiner: no list of parts is made for them.
        guard (start..<end).contains(where: { joinerStarts(bytes, at: $0, before: end) }) else { return append(start, end) }
        var parts = [(start, end)]
        var next: [(Int, Int)] = []
        for joiner in joiners {
            next.removeAll(keepingCapacity: true)
            for (lower, upper) in parts {
                guard splits(bytes, lower, upper, at: joiner) else { next.append((lower, upper)); continue }
                var (from, at) = (lower, lower)
                while at + joiner.count <= upper {
                    guard has(bytes, joiner, at: at, before: upper) else { at += 1; continue }
                    next.append((from, at))
                    at += joiner.count
                    from = at
                }
                next.append((from, upper))
            }
            swap(&parts, &next)
        }
        for (lower, upper) in parts { append(lower, upper) }
    }

    /// Whether `joiner` occurs in the part and every piece it leaves is a name.
    private static func splits(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int, at joiner: [UInt8]) -> Bool {
        let isOneCharacter = joiner.count == 3   // 和 与 及, not " and "
        func isName(_ from: Int, _ to: Int) -> Bool {
            let (from, to) = trimmed(bytes, from, to)
            return to > from && (!isOneCharacter || scalarCount(bytes, from, to) >= 2)
        }
        var (from, at, found) = (lower, lower, false)
        while at + joiner.count <= upper {
            guard has(bytes, joiner, at: at, before: upper) else { at += 1; continue }
            guard isName(from, at) else { return false }
            found = true
            at += joiner.count
            from = at
        }
        return found && isName(from, upper)
    }

    private static func joinerStarts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Bool {
        switch bytes[index] {
        case 0x20, 0xE4, 0xE5: joiners.contains { has(bytes, $0, at: index, before: end) }
        default: false
        }
    }

    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        (start..<end).reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static let andPrefix = Array("and ".utf8)

    /// The White_Space scalars of plain text (CR is not plain).
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0C).contains(byte) }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var (start, end) = (start, end)
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// Compared as `lowercased()` would have it: plain text lowercases its ASCII letters only.
    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ marker: [UInt8]) -> Bool {
        guard end - start >= marker.count else { return false }
        return has(bytes, marker, at: end - marker.count, before: end, folding: true)
    }

    private static func has(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], at start: Int, before end: Int,
                            folding: Bool = false) -> Bool {
        guard start + needle.count <= end else { return false }
        for (offset, byte) in needle.enumerated() {
            var found = bytes[start + offset]
            if folding, (0x41...0x5A).contains(found) { found += 0x20 }
            if found != byte { return false }
        }
        return true
    }
}
