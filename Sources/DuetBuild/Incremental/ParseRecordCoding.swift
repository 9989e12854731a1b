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

/// One parse's record where the cache file's bytes hold it, not decoded yet: the cache is read
/// on one spare core before the scan may start, and decoding 2,000 documents' metadata there
/// (49 M instructions at 2,000 articles) held the scan up. The parse stage decodes each on the
/// core that asks for it.
struct ParseRecord: Sendable {
    let file: [UInt8]
    let start: Int
    let count: Int

    /// Nil when the record does not decode (then its source is parsed again).
    func entry(key: UInt64, bodies: StoredBodies) -> ParseMemo.Entry? {
        var reader = CacheReader(file, from: start)
        return try? reader.readParseRecord(key: key, count: count, bodies: bodies)
    }
}

extension CacheReader {
    /// A parse's key and where its record is, the record skipped.
    mutating func readParseRecord() throws(Corrupt) -> (key: UInt64, record: ParseRecord) {
        let key = try readFixed()
        let count = try readCount()
        let record = ParseRecord(file: bytes, start: position, count: count)
        try skip(count)
        return (key, record)
    }

    /// A parse whose body `bodies` reads when something reads it: the record of `count` bytes
    /// that starts at the reading position.
    mutating func readParseRecord(key: UInt64, count: Int, bodies: StoredBodies) throws(Corrupt) -> ParseMemo.Entry {
        let start = position
        let bodyCount = try readInt()
        guard bodyCount >= 0 else { throw Corrupt() }
        let place = BodyPlace(count: bodyCount, checksum: try readFixed())
        let document = try readDocument { bodies.body(key, place: place, headings: $0) }
        let digests = ModelDigests.DocumentDigests(body: try readFixed(), meta: try readFixed())
        var warnings: [Diagnostic] = []
        for _ in 0..<(try readCount()) { warnings.append(try readDiagnostic()) }
        guard position - start == count else { throw Corrupt() }
        return ParseMemo.Entry(stored: document, warnings: warnings, digests: digests, record: bytes(since: start))
    }
}
