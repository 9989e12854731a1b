import Foundation
import ZIPFoundation

/// Zips a book in memory, so rendering stays free of file-system work. Every entry carries the
/// same fixed date and permissions: two builds of the same content give the same bytes.
enum EpubArchive {
    /// 1 January 2000, 00:00 UTC: any fixed date would do; ZIP dates cannot be before 1980.
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    static func zip(_ entries: [(path: String, data: Data, compressed: Bool)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = entry.data
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, permissions: 0o644,
                                 compressionMethod: entry.compressed ? .deflate : .none) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unreadableArchive }
        return data
    }
}
