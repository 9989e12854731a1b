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
    private static let trailingCommas: [[UInt8]] = [",", "，", "、"].map { Array($0.utf8) }
    private static let separators: [[UInt8]] = [",", "，", "、", ";", "；", "&"].map { Array($0.utf8) }
    /// `String.splitting(separators:)`'s: a piece holding none of them is one name.
    private static let andPrefix = Array("and ".utf8)
    private static let joiners: [[UInt8]] = [" and ", "和", "与", "及"].map { Array($0.utf8) }

    private static func names(in bytes: UnsafeBufferPointer<UInt8>) -> (names: [String], etAl: Bool) {
        var (start, end) = trimmed(bytes, 0, bytes.count)
        var etAl = false
        for marker in etAlMarkers where hasSuffix(bytes, start, end, marker) {
            etAl = true
            (start, end) = trimmed(bytes, start, end - marker.count)
            while let comma = trailingCommas.first(where: { hasSuffix(bytes, start, end, $0) }) {
                (start, end) = trimmed(bytes, start, end - comma.count)
            }
            break
        }
        var pieces: [(Int, Int)] = []
        var pieceStart = start
        var index = start
        while index < end {
            if let separator = separators.first(where: { has(bytes, $0, at: index, before: end) }) {
                if index > pieceStart { pieces.append((pieceStart, index)) }
                index += separator.count
                pieceStart = index
            } else {
                index += 1
            }
        }
        if end > pieceStart { pieces.append((pieceStart, end)) }
        var names: [String] = []
        for (lower, upper) in pieces {
            var (lower, upper) = trimmed(bytes, lower, upper)
            if has(bytes, andPrefix, at: lower, before: upper, folding: true) { (lower, upper) = trimmed(bytes, lower + 4, upper) }
            let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            let joined = (lower..<upper).contains { at in joiners.contains { has(bytes, $0, at: at, before: upper) } }
            names += joined ? piece.splitting(separators: [" and ", "和", "与", "及"]).map { $0.trimmingSpaces() } : [piece]
        }
        return (names.filter { !$0.isEmpty }, etAl)
    }

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
