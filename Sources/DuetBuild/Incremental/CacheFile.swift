import DuetModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the cache of one output folder lives on disk: `.duet-cache/` beside the output folder
/// (git-ignored), one file per output folder so `_site` and a second `--output` never share one.
struct CacheFile {
    var url: URL

    init(directory: URL, output: URL) {
        let name = output.standardizedFileURL.lastPathComponent
        let key = StableDigest.of(bytes: output.standardizedFileURL.path.utf8).hex.prefix(8)
        url = directory.appendingPathComponent("\(name)-\(key).cache")
    }

    func load(tool: UInt64) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return BuildCache.decode([UInt8](data), tool: tool)
    }

    /// Beside the cache: what says "nothing to do" without reading the cache (`UpToDateRecord`).
    var recordURL: URL { url.appendingPathExtension("record") }

    func loadRecord(tool: UInt64) -> UpToDateRecord? {
        guard let data = FileManager.default.contents(atPath: recordURL.path) else { return nil }
        return UpToDateRecord.decode([UInt8](data), tool: tool)
    }

    func saveRecord(_ record: UpToDateRecord, tool: UInt64) { Self.write(record.encoded(tool: tool), to: recordURL) }

    /// Before an in-place update starts: if the build dies half-way, the next one finds no cache
    /// and rebuilds in full instead of trusting a record of files that were never written.
    func invalidate() {
        unlink(recordURL.path)
        unlink(url.path)
    }

    /// Written beside and renamed, so a reader finds the old cache or the new one. A cache that
    /// cannot be written costs only speed, never the build.
    func save(_ cache: BuildCache, tool: UInt64) { Self.write(cache.encoded(tool: tool), to: url) }

    /// Written beside `target` and renamed over it; a file that cannot be written costs only speed.
    static func write(_ bytes: [UInt8], to target: URL) {
        let temporary = target.path + ".\(getpid())"
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, target.path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }
}
