import DuetModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The bodies of the cache's parses, one file each, named by the parse memo's key (the digest of
/// a file's bytes, place and parse settings). The cache file holds the rest of every parse (what
/// the graph and the plan read); a body is read only when something reads it (a page showing
/// the article, its issue's EPUB), which after one edit is a handful of the 2,000, and a build
/// writes only the bodies of the parses it made.
///
/// A file is written beside its name and renamed, and only ever stands for one key, so a store
/// is never half-updated: the cache file names the bodies it needs, with their length and
/// checksum; they are written before it, and those it no longer names are removed after it
/// (`sweep`). A body that is missing, damaged, or written by another build of Duet is found so
/// when it is read (`StoredBodies`).
struct ParseStore: Sendable {
    /// The folder, beside the cache file.
    var folder: String
    /// This Duet binary (`BuildCache.tool`): another one may parse differently.
    var tool: UInt64

    private static let magic = Array("DUETBODY".utf8)

    func path(of key: UInt64) -> String { folder + "/" + Self.name(of: key) }

    static func name(of key: UInt64) -> String {
        let text = String(key, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// Nil when the body is absent, or not exactly the `count` bytes of `checksum` that `write`
    /// made for `key` with this binary.
    func body(_ key: UInt64, place: BodyPlace) -> ArraySlice<UInt8>? {
        guard let bytes = CacheFile.contents(of: path(of: key)), bytes.starts(with: Self.magic) else { return nil }
        var reader = CacheReader(bytes, from: Self.magic.count)
        do throws(CacheReader.Corrupt) {
            guard try reader.readUInt64() == BuildCache.formatVersion, try reader.readFixed() == tool,
                  try reader.readFixed() == key, bytes.count - reader.position == place.count,
                  reader.digestOfRest == place.checksum else { return nil }
            return bytes[reader.position...]
        } catch {
            return nil
        }
    }

    func encoded(body: UnsafeBufferPointer<UInt8>, key: UInt64) -> [UInt8] {
        var file = CacheWriter()
        file.reserve(Self.magic.count + 32 + body.count)
        file.append(Self.magic)
        file.write(BuildCache.formatVersion)
        file.writeFixed(tool)
        file.writeFixed(key)
        file.append(body)
        return file.bytes
    }

    /// Writes the bodies the store does not hold yet, on all cores. A body that cannot be
    /// written costs only speed: the build that reads it finds it missing and parses again.
    func write(_ entries: [UInt64: ParseMemo.Entry]) {
        let fresh = entries.filter { !$0.value.isStored }.map { (key: $0.key, entry: $0.value) }
        guard !fresh.isEmpty else { return }
        mkdir(folder, 0o755)
        _ = ParallelMap.map(fresh) { item in
            let bytes = item.entry.document.unrecordedBody.withHTMLBytes { encoded(body: $0, key: item.key) }
            CacheFile.write(bytes, to: path(of: item.key))
        }
    }

    /// Removes every file but the bodies of `keys` (older parses, and anything a killed build left).
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

/// What the cache file says of a stored body, so that a damaged file is found when read.
struct BodyPlace: Sendable {
    var count: Int
    var checksum: UInt64

    init(count: Int, checksum: UInt64) {
        (self.count, self.checksum) = (count, checksum)
    }

    init(of body: UnsafeBufferPointer<UInt8>) {
        self.init(count: body.count, checksum: CacheChecksum.of(UnsafeRawBufferPointer(body)))
    }
}

/// The bodies one cache file names, read from the store as the build reads them. A body found
/// missing or damaged then is read as empty and marks the store damaged: the build must not
/// write what it rendered, and runs again with every document parsed afresh (`BuildRun`).
final class StoredBodies: Sendable {
    let store: ParseStore
    private let damage = Atomic(false)
    private let reads = Atomic(0)

    init(store: ParseStore) { self.store = store }

    /// True once a body read was not what the cache file names.
    var isDamaged: Bool { damage.load(ordering: .acquiring) }

    /// How many bodies were read: a one-edit build should read a handful.
    var readCount: Int { reads.load(ordering: .relaxed) }

    func body(_ key: UInt64, place: BodyPlace, headings: [DocumentHeading]) -> ParsedDocument.Body {
        ParsedDocument.Body(loading: { [self] in
            reads.add(1, ordering: .relaxed)
            guard let bytes = store.body(key, place: place) else {
                damage.store(true, ordering: .releasing)
                return nil
            }
            return bytes
        }, headings: headings)
    }
}
