import Synchronization

/// Each article's search record as last made, by URL, with the digest of what it was made from
/// (`SearchIndex.Entry.key`). One store serves both ways an index is made again: the preview
/// keeps it in memory across saves, and the CLI reads it from beside the build cache and writes
/// it back (`SearchRecordStore`), so that an edit tokenizes the edited article's body only. A
/// record is reused only under the very digest it was made from: it can be missing, never stale.
public final class SearchRecords: Sendable {
    public struct Record: Sendable, Equatable {
        /// `SearchIndex.Entry.key` of the entry the record was made from.
        public var key: UInt64
        /// The index that holds it (a language code): pruning after an index is made reads it.
        public var language: String
        /// The record's JSON object as `search.json` has it, in UTF-8: records read from disk
        /// are slices of the one buffer read, neither copied nor decoded.
        public var json: ArraySlice<UInt8>

        public init(key: UInt64, language: String, json: ArraySlice<UInt8>) {
            (self.key, self.language, self.json) = (key, language, json)
        }
    }

    private struct State {
        var records: [String: Record] = [:]
        /// Since the records were loaded or saved: a store that did not change is not written.
        var changed = false
        /// Reads the records from disk: run by the first index that needs them, so a build
        /// that makes no search index never reads them.
        var pending: (@Sendable () -> [String: Record]?)?

        mutating func resolve() {
            guard let load = pending else { return }
            pending = nil
            records = load() ?? [:]
        }
    }

    private let state = Mutex(State())

    public init() {}

    /// Every record, by URL.
    public var records: [String: Record] {
        state.withLock { state in
            state.resolve()
            return state.records
        }
    }

    public var isChanged: Bool { state.withLock { $0.changed } }

    /// Replaces every record with what `load` returns (as read from disk), when an index first
    /// needs them: unchanged until a build adds or drops one.
    public func load(onFirstUse load: @escaping @Sendable () -> [String: Record]?) {
        state.withLock { $0 = State(changed: false, pending: load) }
    }

    /// After the records were written.
    public func markSaved() { state.withLock { $0.changed = false } }

    /// The record of the article at `url` made from inputs digesting to `key`: the known one, or `make()`.
    func record(url: String, language: String, key: UInt64, make: () -> String) -> ArraySlice<UInt8> {
        let known = state.withLock { state in
            state.resolve()
            return state.records[url]
        }
        if let known, known.key == key, known.language == language { return known.json }
        let json = ArraySlice(make().utf8)
        state.withLock {
            $0.records[url] = Record(key: key, language: language, json: json)
            $0.changed = true
        }
        return json
    }

    /// After a whole index of `language` was made from `urls`: the records of articles it no
    /// longer holds (renamed, removed, moved to another language) go, so the store stays the size of the site.
    func keep(only urls: Set<String>, of language: String) {
        state.withLock { state in
            state.resolve()
            let gone = state.records.filter { $0.value.language == language && !urls.contains($0.key) }.keys
            guard !gone.isEmpty else { return }
            for url in gone { state.records[url] = nil }
            state.changed = true
        }
    }
}
