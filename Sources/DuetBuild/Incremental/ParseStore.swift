import Dispatch
import DuetModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The cache's parses, one file each, named by the parse memo's key (the digest of a file's
/// bytes, place and parse settings), so that a build writes only the parses it made (one, after
/// one article is edited) rather than every document's HTML again, and reads each one in the
/// parse stage, on all cores, only when its source is unchanged.
///
/// A file is written beside its name and renamed, and only ever stands for one key, so a store
/// is never half-updated: the cache file names the parses it needs, they are written before it,
/// and those it no longer names are removed after it (`sweep`). A parse that is missing,
/// damaged, or written by another build of Duet is not used: its source is parsed again.
struct ParseStore: Sendable {
    /// The folder, beside the cache file.
    var folder: String
    /// This Duet binary (`BuildCache.tool`): another one may parse differently.
    var tool: UInt64

    private static let magic = Array("DUETPARSE".utf8)

    func path(of key: UInt64) -> String { folder + "/" + Self.name(of: key) }

    static func name(of key: UInt64) -> String {
        let text = String(key, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// Nil when the parse is absent, or not exactly what `write` made for `key` with this binary.
    func entry(_ key: UInt64) -> ParseMemo.Entry? {
        guard let bytes = CacheFile.contents(of: path(of: key)), bytes.starts(with: Self.magic) else { return nil }
        var reader = CacheReader(bytes, from: Self.magic.count)
        do throws(CacheReader.Corrupt) {
            guard try reader.readUInt64() == BuildCache.formatVersion, try reader.readFixed() == tool,
                  try reader.readFixed() == key else { return nil }
            let checksum = try reader.readFixed()
            guard reader.digestOfRest == checksum else { return nil }
            let document = try reader.readDocument()
            let digests = ModelDigests.DocumentDigests(body: try reader.readFixed(), meta: try reader.readFixed())
            var warnings: [Diagnostic] = []
            for _ in 0..<(try reader.readCount()) { warnings.append(try reader.readDiagnostic()) }
            guard reader.isAtEnd else { return nil }
            var entry = ParseMemo.Entry(document: document, warnings: warnings, digests: digests)
            entry.isStored = true
            return entry
        } catch {
            return nil
        }
    }

    func encoded(_ entry: ParseMemo.Entry, key: UInt64) -> [UInt8] {
        var payload = CacheWriter()
        payload.reserve(entry.document.bodyHTML.utf8.count + entry.document.excerptHTML.utf8.count + 4096)
        payload.write(entry.document)
        payload.writeFixed(entry.digests.body)
        payload.writeFixed(entry.digests.meta)
        payload.write(entry.warnings.count)
        for warning in entry.warnings { payload.write(warning) }
        var header = CacheWriter()
        header.write(BuildCache.formatVersion)
        header.writeFixed(tool)
        header.writeFixed(key)
        header.writeFixed(CacheChecksum.of(payload.bytes))
        return Self.magic + header.bytes + payload.bytes
    }

    /// Writes the entries the store does not hold yet, on all cores. A parse that cannot be
    /// written costs only speed: the next build parses its source again.
    func write(_ entries: [UInt64: ParseMemo.Entry]) {
        let fresh = entries.filter { !$0.value.isStored }.map { (key: $0.key, entry: $0.value) }
        guard !fresh.isEmpty else { return }
        mkdir(folder, 0o755)
        _ = ParallelMap.map(fresh) { item in
            CacheFile.write(encoded(item.entry, key: item.key), to: path(of: item.key))
        }
    }

    /// Removes every file but the parses of `keys` (older parses, and anything a killed build left).
    func sweep(keeping keys: Set<UInt64>) {
        guard let handle = opendir(folder) else { return }
        var names: [String] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            if name.utf8.count == 16, let key = UInt64(name, radix: 16), keys.contains(key), name == Self.name(of: key) { continue }
            names.append(name)
        }
        for name in names { unlinkat(dirfd(handle), name, 0) }
        closedir(handle)
    }
}

/// The parses a cache file names. `prefetch` starts reading them from the store on one spare
/// core while the content folder is scanned; the parse stage takes those already read, and
/// reads the others itself (on all cores), so nobody waits for anybody.
final class StoredParses: Sendable {
    let store: ParseStore
    let keys: Set<UInt64>
    /// Nil for a parse that was found missing or damaged.
    private let read = Mutex<[UInt64: ParseMemo.Entry?]>([:])

    init(store: ParseStore, keys: Set<UInt64>) {
        self.store = store
        self.keys = keys
    }

    func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for key in keys where read.withLock({ $0[key] == nil }) {
                let entry = store.entry(key)
                read.withLock { if $0[key] == nil { $0[key] = .some(entry) } }
            }
        }
    }

    /// Nil for a key the cache does not name, or whose parse is missing or damaged.
    func entry(_ key: UInt64) -> ParseMemo.Entry? {
        guard keys.contains(key) else { return nil }
        if let done = read.withLock({ $0[key] }) { return done }
        let entry = store.entry(key)
        read.withLock { if $0[key] == nil { $0[key] = .some(entry) } }
        return entry
    }
}
