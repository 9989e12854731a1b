import DuetModel

/// One parse as the cache file holds it: its key, the length of its record, and the record,
/// which is where the body's HTML is (its length and checksum in the side store, under the same
/// key) and everything else `ParseMemo.Entry` holds.
extension CacheWriter {
    mutating func write(_ entry: ParseMemo.Entry, key: UInt64) {
        writeFixed(key)
        if let record = entry.record {
            write(record.count)
            append(record)
            return
        }
        var record = CacheWriter()
        record.reserve(1024)
        let place = entry.document.unrecordedBody.withHTMLBytes(BodyPlace.init(of:))
        record.write(place.count)
        record.writeFixed(place.checksum)
        record.write(entry.document)
        record.writeFixed(entry.digests.body)
        record.writeFixed(entry.digests.meta)
        record.write(entry.warnings.count)
        for warning in entry.warnings { record.write(warning) }
        write(record.bytes.count)
        append(record.bytes)
    }
}

extension CacheReader {
    /// A parse whose body `bodies` reads when something reads it.
    mutating func readParse(bodies: StoredBodies) throws(Corrupt) -> (key: UInt64, entry: ParseMemo.Entry) {
        let key = try readFixed()
        let count = try readCount()
        let start = position
        let bodyCount = try readInt()
        guard bodyCount >= 0 else { throw Corrupt() }
        let place = BodyPlace(count: bodyCount, checksum: try readFixed())
        let document = try readDocument { bodies.body(key, place: place, headings: $0) }
        let digests = ModelDigests.DocumentDigests(body: try readFixed(), meta: try readFixed())
        var warnings: [Diagnostic] = []
        for _ in 0..<(try readCount()) { warnings.append(try readDiagnostic()) }
        guard position - start == count else { throw Corrupt() }
        return (key, ParseMemo.Entry(stored: document, warnings: warnings, digests: digests, record: bytes(since: start)))
    }
}
