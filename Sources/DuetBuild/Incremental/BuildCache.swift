import DuetModel
import DuetSource

/// What the last build parsed and wrote, so the next build parses only the files that changed and
/// renders only the pages those files (or site-wide inputs) touch.
struct BuildCache: Sendable {
    /// One file in the output folder: what its render read, each read with the digest of its
    /// answer then, and the size and modification time the file had when written, so that a
    /// file edited or removed by hand is noticed. A static file has no reads: `inputs` is its
    /// source's stamp.
    struct Output: Sendable {
        var inputs: UInt64
        var reads: [Dependency: UInt64]
        var stamp: FileStamp
    }

    /// Parse results by the digest of their inputs (`ParseMemo.key`).
    var parsed: [UInt64: ParseMemo.Entry] = [:]
    /// Source path -> the stamp it had when parsed, and which parse that was.
    var stamps: [String: ParseMemo.Stamped] = [:]
    /// The site's Liquid indexes every document, so every file must be read (`ParseMemo.readsEverything`).
    var readsEverything = false
    /// Everything every output depends on (this binary, `site.yml`, the options, the assets'
    /// names, the static files): when it changes, nothing is current.
    var site: UInt64 = 0
    var outputs: [String: Output] = [:]

    /// Every read some output recorded, once: the cache file's table of reads, or gathered.
    var distinctReads: [Dependency] {
        if let readTable { return readTable }
        var seen: Set<Dependency> = []
        for output in outputs.values { seen.formUnion(output.reads.keys) }
        return Array(seen)
    }

    /// `distinctReads`, when already known (read from the cache file, or gathered by the preview
    /// after its reload event, off the path of the next save).
    var readTable: [Dependency]?

    /// This Duet binary: a rebuilt `duet` may render differently, so its cache starts afresh.
    static let tool: UInt64 = {
        var digest = StableDigest()
        digest.combine(BuildCache.formatVersion)
        if let stamp = OutputFolder.stamp(of: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(OutputFolder.stamp(of:)) {
            digest.combine(UInt64(stamp.size))
            digest.combine(UInt64(bitPattern: Int64(stamp.modified)))
        }
        return digest.value
    }()

    /// Bump when the format or the meaning of a digest changes: an old cache is then ignored.
    static let formatVersion: UInt64 = 10
    private static let magic = Array("DUETCACHE".utf8)

    func encoded(tool: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(tool)
        writer.write(site)
        writer.write(parsed.count)
        for (key, entry) in parsed.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            writer.write(entry.document)
            writer.write(entry.digests.body)
            writer.write(entry.digests.meta)
            writer.write(entry.warnings.count)
            for warning in entry.warnings { writer.write(warning) }
        }
        writer.write(readsEverything)
        writer.write(stamps.count)
        for (path, stamped) in stamps.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(stamped.stamp.size)
            writer.write(stamped.stamp.modified)
            writer.write(stamped.stamp.inode)
            writer.write(stamped.key)
            writer.write(stamped.settings)
        }
        // Reads are shared by many outputs (every page reads its layout and strings): written once.
        var table: [Dependency: Int] = [:]
        var order: [Dependency] = []
        for output in outputs.values {
            for read in output.reads.keys where table[read] == nil {
                table[read] = order.count
                order.append(read)
            }
        }
        writer.write(order.count)
        for read in order { writer.write(read) }
        writer.write(outputs.count)
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(output.inputs)
            writer.write(output.reads.count)
            for (read, digest) in output.reads {
                writer.write(table[read] ?? 0)
                writer.write(digest)
            }
            writer.write(output.stamp.size)
            writer.write(output.stamp.modified)
        }
        var checksum = StableDigest()
        checksum.combine(bytes: writer.bytes)
        var header = CacheWriter()
        header.write(Self.formatVersion)
        header.write(checksum.value)
        return Self.magic + header.bytes + writer.bytes
    }

    /// Nil when the bytes are not a complete cache written by this version of Duet (`tool`): a
    /// truncated, corrupt or foreign cache is never trusted.
    static func decode(_ bytes: [UInt8], tool: UInt64) -> BuildCache? {
        guard bytes.starts(with: magic) else { return nil }
        var header = CacheReader(Array(bytes[magic.count...]))
        do {
            guard try header.readUInt64() == formatVersion else { return nil }
            let checksum = try header.readUInt64()
            let headerLength = magic.count + varintLength(formatVersion) + varintLength(checksum)
            let payload = Array(bytes[headerLength...])
            guard StableDigest.of(bytes: payload).value == checksum else { return nil }
            var reader = CacheReader(payload)
            guard try reader.readUInt64() == tool else { return nil }
            var cache = BuildCache()
            cache.site = try reader.readUInt64()
            for _ in 0..<(try reader.readCount()) {
                let key = try reader.readUInt64()
                let document = try reader.readDocument()
                let digests = ModelDigests.DocumentDigests(body: try reader.readUInt64(), meta: try reader.readUInt64())
                var warnings: [Diagnostic] = []
                for _ in 0..<(try reader.readCount()) { warnings.append(try reader.readDiagnostic()) }
                cache.parsed[key] = ParseMemo.Entry(document: document, warnings: warnings, digests: digests)
            }
            cache.readsEverything = try reader.readBool()
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                let stamp = SourceStamp(size: try reader.readInt(), modified: try reader.readInt(), inode: try reader.readUInt64())
                cache.stamps[path] = ParseMemo.Stamped(stamp: stamp, key: try reader.readUInt64(), settings: try reader.readUInt64())
            }
            var table: [Dependency] = []
            for _ in 0..<(try reader.readCount()) { table.append(try reader.readDependency()) }
            cache.readTable = table
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                let inputs = try reader.readUInt64()
                var reads: [Dependency: UInt64] = [:]
                for _ in 0..<(try reader.readCount()) {
                    let index = try reader.readInt()
                    guard table.indices.contains(index) else { return nil }
                    reads[table[index]] = try reader.readUInt64()
                }
                let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt())
                cache.outputs[path] = Output(inputs: inputs, reads: reads, stamp: stamp)
            }
            return reader.isAtEnd ? cache : nil
        } catch {
            return nil
        }
    }

    private static func varintLength(_ number: UInt64) -> Int {
        var writer = CacheWriter()
        writer.write(number)
        return writer.bytes.count
    }
}

/// Size and modification time (nanoseconds) of a file, as `stat` reports them.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: Int
}
