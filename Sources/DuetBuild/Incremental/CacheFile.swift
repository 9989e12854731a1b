import Dispatch
import DuetModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where the cache of one output folder lives on disk: `.duet-cache/` beside the output folder
/// (git-ignored), one file per output folder so `_site` and a second `--output` never share one,
/// with its parses' bodies in a folder beside it (`ParseStore`).
struct CacheFile {
    var url: URL

    init(url: URL) { self.url = url }

    init(directory: URL, output: URL) {
        let name = output.standardizedFileURL.lastPathComponent
        let key = StableDigest.of(bytes: output.standardizedFileURL.path.utf8).hex.prefix(8)
        url = directory.appendingPathComponent("\(name)-\(key).cache")
    }

    func store(tool: UInt64) -> ParseStore { ParseStore(folder: url.path + ".parses", tool: tool) }

    /// `load` on another thread: the build stamps its inputs meanwhile, and may not need the cache at all.
    func startLoading(tool: UInt64) -> Loading { Loading(self, tool: tool) }

    /// In two stages: what the scan and the parse stage need (`head`), then the rest (`cache`),
    /// so the scan does not wait for 10,000 output records to be decoded.
    final class Loading: Sendable {
        private let headResult = Mutex<BuildCache?>(nil)
        private let result = Mutex<BuildCache?>(nil)
        private let headDone = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        fileprivate init(_ file: CacheFile, tool: UInt64) {
            let (url, store) = (file.url, file.store(tool: tool))
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                guard let bytes = CacheFile.contents(of: url.path),
                      var (cache, reader) = BuildCache.decodeHead(bytes, tool: tool, store: store) else {
                    headDone.signal()
                    done.signal()
                    return
                }
                headResult.withLock { $0 = cache }
                headDone.signal()
                let whole = cache.decodeRest(&reader)
                result.withLock { $0 = whole ? cache : nil }
                done.signal()
            }
        }

        /// The parses and stamps of a cache this binary can trust, without its output records
        /// (waits for them once); nil when there is none.
        var head: BuildCache? {
            headDone.wait()
            headDone.signal()
            return headResult.withLock { $0 }
        }

        /// Nil when there is no cache this binary can trust, whole (waits for the read once).
        var cache: BuildCache? {
            done.wait()
            done.signal()
            return result.withLock { $0 }
        }
    }

    /// Beside the cache: what says "nothing to do" without reading the cache (`UpToDateRecord`).
    var recordURL: URL { url.appendingPathExtension("record") }

    /// Nil also when the record was made for other inputs than `inputs` (a digest): it cannot stand.
    func loadRecord(tool: UInt64, inputs: UInt64? = nil) -> UpToDateRecord? {
        guard let bytes = Self.contents(of: recordURL.path) else { return nil }
        return UpToDateRecord.decode(bytes, tool: tool, inputs: inputs)
    }

    /// Before an in-place update starts: if the build dies half-way, the next one finds no cache
    /// and rebuilds in full instead of trusting a record of files that were never written.
    func invalidate() {
        unlink(recordURL.path)
        unlink(url.path)
    }

    /// The bodies it names first, then the cache, then the removal of the bodies it no longer
    /// names: a build killed at any moment leaves a cache whose bodies are all there. The record
    /// (`UpToDateRecord`, which names the cache file's stamp) is made meanwhile and written last.
    /// With no cache, only the record is written. A cache that cannot be written costs only
    /// speed, never the build.
    /// - Parameter recorded: the outputs whose stamps the record lists, taken from them on the
    ///   spare core that encodes the record (listing 10,000 of them was 3 ms of the main line).
    func save(_ cache: BuildCache?, record: UpToDateRecord?, recorded: [String: BuildCache.Output], tool: UInt64) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let making = record.map { record in
            SpareCoreTask {
                var record = record
                record.outputs = recorded.map { ($0.key, $0.value.stamp) }
                return record.encodedBody(tool: tool)
            }
        }
        let store = store(tool: tool)
        // Bodies no parse uses any more go once the new cache, which names none of them, is in
        // place; on a spare core while the record is finished and written.
        var sweeping: SpareCoreTask<Void>?
        if let cache {
            store.write(cache.parsed)
            Self.write(parts: cache.encodedParts(tool: tool), to: url.path)
            let keys = Set(cache.parsed.keys)
            sweeping = SpareCoreTask { store.sweep(keeping: keys) }
        }
        if let body = making?.value {
            Self.write(UpToDateRecord.finish(body, cacheStamp: OutputFolder.stamp(of: url.path)), to: recordURL.path)
        }
        sweeping?.wait()
    }

    /// A file's bytes, read with one `read` per chunk straight into the array.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let done = read(descriptor, base + count, size - count)
                if done < 0, errno == EINTR { continue }
                guard done > 0 else {
                    failed = done < 0
                    break
                }
                count += done
            }
        }
        return failed || bytes.count != size ? nil : bytes
    }

    /// Written beside and renamed, so a reader finds the old file or the new one.
    static func write(_ bytes: [UInt8], to target: String) { write(parts: [bytes], to: target) }

    /// `parts`, one after the other, as one file.
    static func write(parts: [[UInt8]], to target: String) {
        let temporary = target + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = parts.allSatisfy { part in part.withUnsafeBytes { FileSteps.writeAll(descriptor, $0) == nil } }
        guard close(descriptor) == 0, complete, rename(temporary, target) == 0 else {
            unlink(temporary)
            return
        }
    }
}
