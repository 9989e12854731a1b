/// A 64-bit FNV-1a digest: the same on every run and machine (Swift's `Hasher` is seeded per
/// process), so it can name fingerprinted assets and key the build cache between runs.
public struct StableDigest: Hashable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        if done == nil {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        value = hash
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
