import Synchronization

/// The search index's record of each article, as last made: the preview makes an index again
/// after every saved body, and only the saved article's record needs the body's tokens again.
/// Entries are compared whole (strings shared with the last graph compare by identity, so this
/// costs nothing for the articles a save did not touch).
final class SearchFragments: Sendable {
    private let records = Mutex<[String: (entry: SearchIndex.Entry, record: String)]>([:])

    func record(of entry: SearchIndex.Entry, make: (SearchIndex.Entry) -> String) -> String {
        if let known = records.withLock({ $0[entry.url] }), known.entry == entry { return known.record }
        let record = make(entry)
        records.withLock { $0[entry.url] = (entry, record) }
        return record
    }
}
