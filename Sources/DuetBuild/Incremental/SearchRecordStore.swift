import DuetModel
import DuetRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The search indexes' records of every article (`SearchRecords`), kept beside the build cache
/// (`<cache file>.search`) so that a CLI build after an edit tokenizes only the bodies that
/// changed. Each record carries the digest of the inputs it was made from, so a store can lack
/// a record but never give a stale one; a file that is damaged, foreign, or written by another
/// Duet binary (`BuildCache.tool`) is ignored, and the indexes are made from scratch.
///
/// The layout is fixed-width little-endian lengths and numbers, checksummed at the end, so that
/// reading it back slices the records out of the one buffer read, with no copy and no decoding:
/// the edit build reads it whole.
struct SearchRecordStore {
    var url: URL

    init(beside cache: CacheFile) { url = cache.url.appendingPathExtension("search") }

    /// Bump when the file's layout changes.
    static let formatVersion: UInt64 = 1
    private static let magic = Array("DUETSEARCH".utf8)

    /// Starts reading the file on a spare core, before the site is planned; the plan's records
    /// wait for it when a search index first needs them (`SearchRecords.load(onFirstUse:)`: read
    /// there, on the main line, it was 3 % of an edit's time). Nil for a missing or untrustworthy file.
    func startReading(tool: UInt64) -> SpareCoreTask<[String: SearchRecords.Record]?> {
        let path = url.path
        return SpareCoreTask { Self.contents(of: path).flatMap { Self.decode($0, tool: tool) } }
    }

    /// The file's bytes, read straight into the array the records are sliced from (through
    /// `Data` they were copied once more, a millisecond of the edit's index).
    private static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, info.st_size < Int64(Int32.max) else { return nil }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = read(fd, base + count, size - count)
                if got <= 0 { break }
                count += got
            }
        }
        return bytes.count == size ? bytes : nil
    }

    /// Written (atomically) only when the build made or dropped a record, on a spare core while
    /// the build cache is saved; the build waits for the returned task before it ends.
    func startSaving(_ records: SearchRecords, tool: UInt64) -> SpareCoreTask<Void>? {
        guard records.isChanged else { return nil }
        let path = url.path
        return SpareCoreTask {
            CacheFile.write(Self.encoded(records.records, tool: tool), to: path)
            records.markSaved()
        }
    }

    static func encoded(_ records: [String: SearchRecords.Record], tool: UInt64) -> [UInt8] {
        var bytes = magic
        func number(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func field<Bytes: Collection<UInt8>>(_ field: Bytes) {
            number(UInt64(field.count))
            bytes.append(contentsOf: field)
        }
        number(formatVersion)
        number(tool)
        number(UInt64(records.count))
        // In the dictionary's order: the store is read back into a dictionary, and sorting 2,000
        // URLs was a third of writing it (7 M instructions).
        for (url, record) in records {
            field(url.utf8)
            number(record.key)
            field(record.language.utf8)
            field(record.json)
        }
        number(StableDigest.of(bytes: bytes).value)
        return bytes
    }

    /// Nil unless the bytes are a whole store, written in this format by `tool`, checksum intact.
    static func decode(_ bytes: [UInt8], tool: UInt64) -> [String: SearchRecords.Record]? {
        guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - 8
        var position = magic.count
        func number() -> UInt64? {
            guard position <= end - 8 else { return nil }
            defer { position += 8 }
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
        }
        func field() -> ArraySlice<UInt8>? {
            guard let count = number(), count <= UInt64(end - position) else { return nil }
            defer { position += Int(count) }
            return bytes[position..<position + Int(count)]
        }
        func text() -> String? { field().flatMap { String(validating: $0, as: UTF8.self) } }
        guard number() == formatVersion, number() == tool, let count = number(), count <= UInt64(bytes.count) else { return nil }
        var records: [String: SearchRecords.Record] = [:]
        records.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let url = text(), let key = number(), let language = text(), let json = field() else { return nil }
            records[url] = SearchRecords.Record(key: key, language: language, json: json)
        }
        guard position == end, bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: end, as: UInt64.self) }).littleEndian
                == StableDigest.of(bytes: bytes[..<end]).value else { return nil }
        return records
    }
}
