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

    /// Before an in-place update starts: if the build dies half-way, the next one finds no cache
    /// and rebuilds in full instead of trusting a record of files that were never written.
    func invalidate() { unlink(url.path) }

    /// Written beside and renamed, so a reader finds the old cache or the new one. A cache that
    /// cannot be written costs only speed, never the build.
    func save(_ cache: BuildCache, tool: UInt64) {
        let bytes = cache.encoded(tool: tool)
        let temporary = url.path + ".\(getpid())"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, url.path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }
}
