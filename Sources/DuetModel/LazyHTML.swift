import Synchronization

/// A document body's HTML as the build cache stored it: UTF-8 bytes, made into a `String` only
/// when something reads it as text. One edited article makes a build read every other parse
/// back from the cache, and validating 2,000 bodies' UTF-8 cost more than the rest of the read;
/// the graph, the plan and the digests need only the bytes, or nothing, of all but a few.
final class LazyHTML: Sendable {
    private enum State {
        case bytes(ArraySlice<UInt8>)
        case text(String)
    }

    private let state: Mutex<State>

    init(_ text: String) { state = Mutex(.text(text)) }

    /// `bytes` must be UTF-8 as a `String` wrote it (the cache file's checksum vouches for that).
    init(utf8 bytes: ArraySlice<UInt8>) { state = Mutex(.bytes(bytes)) }

    var text: String {
        state.withLock { state in
            switch state {
            case .text(let text):
                return text
            case .bytes(let bytes):
                let text = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                state = .text(text)
                return text
            }
        }
    }

    /// The UTF-8 bytes, without making a `String` of bytes that are not one yet.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch state.withLock({ state -> State in state }) {
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .text(var text):
            return try text.withUTF8(body)
        }
    }

    var utf8Count: Int {
        switch state.withLock({ state -> State in state }) {
        case .bytes(let bytes): bytes.count
        case .text(let text): text.utf8.count
        }
    }

    /// Equal bytes: what the digests and the cache compare (not `String`'s canonical equivalence).
    func hasSameBytes(as other: LazyHTML) -> Bool {
        if self === other { return true }
        guard utf8Count == other.utf8Count else { return false }
        return withUTF8 { mine in other.withUTF8 { theirs in mine.elementsEqual(theirs) } }
    }
}
