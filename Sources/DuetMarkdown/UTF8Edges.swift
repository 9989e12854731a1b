import DuetModel

/// The characters at either end of a run of UTF-8 text, read straight from cmark's bytes:
/// whether a line break vanishes depends on the characters beside it, and an accent or a
/// variation selector belongs to the character before it, so those are skipped.
enum UTF8Edges {
    /// The first scalar that is not an attached mark, or nil when there is none.
    static func first(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var index = 0
        while index < bytes.count {
            let (value, length) = decode(bytes, at: index)
            if !EastAsianWidth.isAttached(value) { return value }
            index += length
        }
        return nil
    }

    /// The last scalar that is not an attached mark, or nil when there is none.
    static func last(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var end = bytes.count
        while end > 0 {
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
            let (value, _) = decode(bytes, at: start)
            if !EastAsianWidth.isAttached(value) { return value }
            end = start
        }
        return nil
    }

    /// The scalar starting at `index` and its length in bytes. Malformed input (cmark passes
    /// invalid UTF-8 through as U+FFFD already, so this is defensive) reads as one byte of U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (UInt32(lead), 1)
        case 0xC2..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF5: length = 4; value = UInt32(lead & 0x07)
        default: return (0xFFFD, 1)
        }
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }
}
