import Synchronization

/// A document body's HTML as the build cache stored it: UTF-8 bytes, made into a `String` only
/// when something reads it as text, and read from the cache's side store only when something
/// reads it at all. One edited article makes a build reuse every other parse, yet it renders a
/// handful of pages: reading 2,000 bodies (28 MB) back to use a few cost more than the rest of
/// the parse stage; the graph, the plan and the digests need none of them.
final class LazyHTML: Sendable {
    /// Reads a stored body's bytes; nil when they are missing or not what was stored. The
    /// loader, not this type, tells the build: a body found damaged this late must not reach
    /// the output, and `LazyHTML` gives it as empty.
    typealias Loader = @Sendable () -> ArraySlice<UInt8>?

    private enum State {
        case stored(Loader)
        case bytes(ArraySlice<UInt8>)
        case text(String)
    }

    private let state: Mutex<State>

    init(_ text: String) { state = Mutex(.text(text)) }

    /// `bytes` must be UTF-8 as a `String` wrote it (the cache file's checksum vouches for that).
    init(utf8 bytes: ArraySlice<UInt8>) { state = Mutex(.bytes(bytes)) }

    /// Bytes that `load` reads on first use, once, whoever asks first.
    init(loading load: @escaping Loader) { state = Mutex(.stored(load)) }

    /// What a reader finds once stored bytes are read.
    private enum Loaded {
        case bytes(ArraySlice<UInt8>)
        case text(String)
    }

    /// The bytes or text, read from the store first if they were not yet.
    private static func load(_ state: inout State) -> Loaded {
        switch state {
        case .stored(let load):
            let bytes = load() ?? []
            state = .bytes(bytes)
            return .bytes(bytes)
        case .bytes(let bytes):
            return .bytes(bytes)
        case .text(let text):
            return .text(text)
        }
    }

    private var loaded: Loaded { state.withLock { Self.load(&$0) } }

    var text: String {
        state.withLock { state in
            switch Self.load(&state) {
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
        switch loaded {
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .text(var text):
            return try text.withUTF8(body)
        }
    }

    var utf8Count: Int {
        switch loaded {
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
