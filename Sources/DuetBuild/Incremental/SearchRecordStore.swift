import DuetModel
import DuetRender
import Foundation

/// The search indexes' records of every article (`SearchRecords`), kept beside the build cache
/// (`<cache file>.search`) so that a CLI build after an edit tokenizes only the bodies that
/// changed. Each record carries the digest of the inputs it was made from, so a store can lack
/// a record but never give a stale one; a file that is damaged, foreign, or written by another
/// Duet binary (`BuildCache.tool`) is ignored, and the indexes are made from scratch.
struct SearchRecordStore {
    var url: URL

    init(beside cache: CacheFile) { url = cache.url.appendingPathExtension("search") }

    /// Bump when the file's layout changes.
    static let formatVersion: UInt64 = 1
    private static let magic = Array("DUETSEARCH".utf8)

    /// Has `records` read from the file when a search index first needs them; a missing or
    /// untrustworthy file leaves them empty.
    func load(into records: SearchRecords, tool: UInt64) {
        let path = url.path
        records.load { FileManager.default.contents(atPath: path).flatMap { Self.decode([UInt8]($0), tool: tool) } }
    }

    /// Written (atomically) only when the build made or dropped a record.
    func save(_ records: SearchRecords, tool: UInt64) {
        guard records.isChanged else { return }
        CacheFile.write(Self.encoded(records.records, tool: tool), to: url)
        records.markSaved()
    }

    static func encoded(_ records: [String: SearchRecords.Record], tool: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(formatVersion)
        writer.write(tool)
        writer.write(records.count)
        for (url, record) in records.sorted(by: { $0.key < $1.key }) {
            writer.write(url)
            writer.write(record.key)
            writer.write(record.language)
            writer.write(record.json)
        }
        var trailer = CacheWriter()
        trailer.write(StableDigest.of(bytes: writer.bytes).value)
        return magic + writer.bytes + trailer.bytes
    }

    /// Nil unless the bytes are a whole store, written in this format by `tool`, checksum intact.
    static func decode(_ bytes: [UInt8], tool: UInt64) -> [String: SearchRecords.Record]? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = CacheReader(Array(bytes[magic.count...]))
        do {
            guard try reader.readUInt64() == formatVersion, try reader.readUInt64() == tool else { return nil }
            var records: [String: SearchRecords.Record] = [:]
            for _ in 0..<(try reader.readCount()) {
                let url = try reader.readString()
                records[url] = SearchRecords.Record(key: try reader.readUInt64(), language: try reader.readString(),
                                                    json: try reader.readString())
            }
            let payloadEnd = magic.count + reader.position
            let checksum = try reader.readUInt64()
            guard reader.isAtEnd, StableDigest.of(bytes: bytes[magic.count..<payloadEnd]).value == checksum else { return nil }
            return records
        } catch {
            return nil
        }
    }
}
