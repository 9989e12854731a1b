/// A 64-bit digest, the same on every run and machine (Swift's `Hasher` is seeded per process), so
/// it can name fingerprinted assets and key the build cache between runs. It takes eight bytes per
/// step (FNV-1a's byte loop cost more than reading the files it hashed); not for adversarial input.
public struct StableDigest: Hashable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in combine(raw: UnsafeRawBufferPointer(buffer)) }
        if done == nil { combine(raw: Array(bytes)) }
    }

    private mutating func combine(raw buffer: UnsafeRawBufferPointer) {
        var hash = value
        var offset = 0
        while offset + 8 <= buffer.count {
            hash = Self.mix(hash, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        value = Self.mix(hash, tail ^ (UInt64(buffer.count) << 56))
    }

    private mutating func combine(raw bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(raw: $0) }
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }

    /// Strings are length-prefixed so that `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(_ text: String) {
        var text = text
        combine(UInt64(text.utf8.count))
        text.withUTF8 { combine(bytes: $0) }
    }

    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    public mutating func combine(_ other: StableDigest) { combine(other.value) }

    public static func of<Bytes: Sequence>(bytes: Bytes) -> StableDigest where Bytes.Element == UInt8 {
        var digest = StableDigest()
        digest.combine(bytes: bytes)
        return digest
    }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
