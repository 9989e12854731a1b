/// A set of tokens that answers "maybe" or "certainly not" in a fraction of the tokens' own size:
/// the search index keeps an article's body as one of these instead of an inverted index, whose
/// keys alone (every character pair of a Chinese text) would outweigh the text itself.
///
/// The bit positions come from FNV-1a over the token's UTF-8 bytes with double hashing; the
/// search script computes the same positions with `Math.imul`, so both sides must change together.
struct BloomFilter: Sendable {
    private(set) var bytes: [UInt8]
    let hashes: Int

    /// Sized for `count` tokens at `bitsPerToken` bits each (a whole number of bytes, at least 8).
    init(count: Int, bitsPerToken: Int, hashes: Int) {
        let bits = max(64, count * bitsPerToken)
        bytes = [UInt8](repeating: 0, count: (bits + 7) / 8)
        self.hashes = hashes
    }

    /// A filter as the index stores it: its bytes and number of hashes.
    init(bytes: [UInt8], hashes: Int) {
        self.bytes = bytes
        self.hashes = hashes
    }

    mutating func insert(_ token: String) { insert(hash: Self.fnv1a(token)) }

    mutating func insert(hash first: UInt32) {
        let (second, size) = seeds(first)
        for round in 0..<UInt32(hashes) {
            let position = Int((first &+ round &* second) % size)
            bytes[position >> 3] |= 1 << UInt8(position & 7)
        }
    }

    func contains(_ token: String) -> Bool {
        let first = Self.fnv1a(token)
        let (second, size) = seeds(first)
        return (0..<UInt32(hashes)).allSatisfy { round in
            let position = Int((first &+ round &* second) % size)
            return bytes[position >> 3] & (1 << UInt8(position & 7)) != 0
        }
    }

    /// Position `i` of a token is `(first + i * second) mod size`, in 32-bit arithmetic.
    private func seeds(_ first: UInt32) -> (second: UInt32, size: UInt32) {
        ((((first >> 17) | (first << 15)) ^ 0x9E37_79B9) | 1, UInt32(bytes.count * 8))
    }

    static let fnvOffset: UInt32 = 0x811C_9DC5

    static func fnv1a(_ text: String) -> UInt32 {
        var hash = fnvOffset
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }

    /// `hash` continued over the UTF-8 bytes of `scalar`: a token's hash built as it is read.
    @inline(__always)
    static func fnv1a(appending scalar: Unicode.Scalar, to hash: UInt32) -> UInt32 {
        var hash = hash
        UTF8.encode(scalar) { hash = (hash ^ UInt32($0)) &* 0x0100_0193 }
        return hash
    }

    /// Standard Base64 with padding, as `atob` reads it.
    var base64: String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for slot in 0..<4 {
                out.append(slot <= chunk.count ? alphabet[Int((value >> (18 - 6 * UInt32(slot))) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
