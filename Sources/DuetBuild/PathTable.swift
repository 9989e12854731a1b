#if canImport(Glibc)
import Glibc
#endif

/// Relative paths as UTF-8 bytes in one buffer, each found through an open-addressing index of
/// their hashes. A survey of 15,000 entries as a `[String: UInt64]` made two strings and a
/// dictionary insert per entry (100 M instructions for the two surveys of an edit); here an entry
/// is its bytes appended and one slot, and a lookup by another table's entry reuses its hash.
struct PathTable: Sendable {
    struct Entry: Sendable {
        var start: UInt32
        var count: UInt32
        var hash: UInt64
        var inode: UInt64
        var isFolder: Bool
    }

    private var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// Entry index + 1 per slot (0: empty); a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    var count: Int { entries.count }

    /// Adds `prefix` + `name` (a path not yet in the table); returns its index.
    @discardableResult
    mutating func append(prefix: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, inode: UInt64, isFolder: Bool) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: name)
        let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        entries.append(Entry(start: UInt32(start), count: UInt32(prefix.count + name.count), hash: hash, inode: inode, isFolder: isFolder))
        if entries.count * 2 > slots.count { grow() } else { place(entries.count - 1) }
        return entries.count - 1
    }

    /// The index of `path`, given its `hash(_:)`.
    func index(of path: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        bytes.withUnsafeBufferPointer { stored in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 {
                    let index = Int(slots[slot]) - 1
                    let entry = entries[index]
                    if entry.hash == hash, Int(entry.count) == path.count,
                       path.count == 0 || memcmp(stored.baseAddress! + Int(entry.start), path.baseAddress!, path.count) == 0 {
                        return index
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    func index(of path: UnsafeBufferPointer<UInt8>) -> Int? { index(of: path, hash: Self.hash(path)) }

    func index(of path: String) -> Int? {
        var path = path
        return path.withUTF8 { index(of: $0) }
    }

    /// The index in this table of another table's entry (same path), with no hashing again.
    func index(of other: PathTable, at index: Int) -> Int? {
        other.withPath(at: index) { self.index(of: $0, hash: other.entries[index].hash) }
    }

    func withPath<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let entry = entries[index]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.count)])) }
    }

    func path(at index: Int) -> String { withPath(at: index) { String(decoding: $0, as: UTF8.self) } }

    /// Eight bytes a step, mixed as `StableDigest` mixes them; the length is in the seed. The table
    /// lives in one process, so the value need not be stable.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        guard offset < bytes.count else { return hash }
        // The last eight bytes, overlapping the words before: no byte loop for a path of eight or more.
        if bytes.count >= 8 { return mix(hash, raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(hash, tail)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index) }
    }
}
