import DuetModel

/// The digest that keys an article's search record (`SearchRecords`): every body of a language is
/// digested on each build that makes its index, so the body is read four words at a time in four
/// independent lanes (the one-lane `StableDigest` waits on each multiply: a third of an edit's
/// index time). Stable across runs, like `StableDigest`, since the keys are stored on disk; not
/// for adversarial input.
struct SearchRecordKey {
    private var digest = StableDigest()

    mutating func combine(_ number: UInt64) { digest.combine(number) }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(utf8: $0) }
    }

    /// As `combine(_: String)` does the string these bytes are.
    mutating func combine(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawBufferPointer(buffer)
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344,
                                                       0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        var offset = 0
        while offset + 32 <= raw.count {
            lanes.0 = Self.mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        digest.combine(UInt64(raw.count))
        digest.combine(lanes.0)
        digest.combine(lanes.1)
        digest.combine(lanes.2)
        digest.combine(lanes.3)
        digest.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[offset...]))
    }

    var value: UInt64 { digest.value }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }
}
