import DuetModel
import DuetSource

/// What the last build parsed and wrote, so the next build parses only the files that changed and
/// renders only the pages those files (or site-wide inputs) touch.
///
/// The cache file holds what each build rewrites (stamps, the output records, the read table,
/// every parse but its body's HTML), a few megabytes at 2,000 articles; the bodies live in a
/// side store (`ParseStore`), where a build writes only the bodies of the parses it made and
/// reads only those something reads.
struct BuildCache: Sendable {
    /// One read of an output's render: its number in `table`, and the digest of its answer then.
    struct Read: Hashable, Sendable {
        var index: Int32
        var digest: UInt64
    }

    /// One file in the output folder: what its render read, and the size and modification time
    /// the file had when written, so that a file edited or removed by hand is noticed. A static
    /// file has no reads: `inputs` is its source's stamp.
    struct Output: Sendable {
        var inputs: UInt64 { didSet { encoded = nil } }
        var reads: [Read] { didSet { encoded = nil } }
        var stamp: FileStamp { didSet { encoded = nil } }
        /// The bytes the cache file held for it, path first, written again as they are while the
        /// reads keep their numbers: an edit re-records a handful of 10,000 outputs, and
        /// encoding all of them anew was most of the cache's encoding (30 M instructions).
        fileprivate(set) var encoded: ArraySlice<UInt8>?

        init(inputs: UInt64, reads: [Read], stamp: FileStamp) {
            (self.inputs, self.reads, self.stamp) = (inputs, reads, stamp)
        }
    }

    /// Parse results by the digest of their inputs (`ParseMemo.key`).
    var parsed: [UInt64: ParseMemo.Entry] = [:]
    /// Parse results as the cache file holds them, decoded when the parse stage uses one.
    var records: [UInt64: ParseRecord] = [:]
    /// Where the bodies of the parses read from the cache file are, and whether one of them
    /// turned out damaged when read.
    var stored: StoredBodies?
    /// Source path -> the stamp it had when parsed, and which parse that was.
    var stamps: [String: ParseMemo.Stamped] = [:]
    /// The site's Liquid indexes every document, so every file must be read (`ParseMemo.readsEverything`).
    var readsEverything = false
    /// Everything every output depends on (this binary, `site.yml`, the options, the assets'
    /// names, the static files): when it changes, nothing is current.
    var site: UInt64 = 0
    var outputs: [String: Output] = [:]
    /// The digest of the planned paths, in the plan's order, when `outputs` was recorded
    /// (`SitePlan.pathsDigest`): the same digest and as many records say the next plan has
    /// exactly the recorded paths, with no lookup of each of them (10,000 at 2,000 articles).
    var outputPaths: UInt64 = 0
    /// What the records' read numbers stand for.
    var table = ReadTable()
    /// The issue and author files as read, reused while what they were read from is unchanged.
    var registry: SitePipeline.Registry?

    /// True when this cache's parses are not those `previous` holds: some are new, or some are
    /// no longer used.
    func hasParsesToSave(over previous: BuildCache) -> Bool {
        parsed.values.contains { !$0.isStored } || Set(parsed.keys) != Set(previous.parsed.keys).union(previous.records.keys)
    }

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
    static let formatVersion: UInt64 = 14
    private static let magic = Array("DUETCACHE".utf8)

    /// The cache file's bytes. The parses' bodies are named by key (with their length and
    /// checksum): they must be in the side store by the time these bytes are (`CacheFile.save`).
    /// Reads no record uses any more are left out, and the rest numbered afresh.
    func encoded(tool: UInt64) -> [UInt8] { Array(encodedParts(tool: tool).joined()) }

    /// `encoded` in two parts, the header and the rest, to be written one after the other
    /// (joining them copied megabytes once more).
    func encodedParts(tool: UInt64) -> [[UInt8]] {
        var writer = CacheWriter()
        writer.reserve(64 * outputs.count + 16 * outputs.values.reduce(0) { $0 + $1.reads.count } + 64 * stamps.count
            + parsed.values.reduce(0) { $0 + 16 + ($1.record?.count ?? 1024) })
        writer.writeFixed(tool)
        writer.writeFixed(site)
        writer.writeFixed(outputPaths)
        writer.write(readsEverything)
        writer.write(parsed.count)
        for (key, entry) in parsed { writer.write(entry, key: key) }
        writer.write(stamps.count)
        for (path, stamped) in stamps {
            writer.write(path)
            writer.write(stamped.stamp.size)
            writer.write(stamped.stamp.modified)
            writer.write(stamped.stamp.inode)
            writer.writeFixed(stamped.key)
            writer.writeFixed(stamped.settings)
        }
        let reads = table.reads
        var used = [Bool](repeating: false, count: reads.count)
        var unused = reads.count
        for output in outputs.values {
            for read in output.reads where !used[Int(read.index)] {
                used[Int(read.index)] = true
                unused -= 1
            }
        }
        // Every read still used: the numbers stay, and each record read from the last cache
        // is copied. Otherwise the unused go and the rest are numbered afresh.
        var renumbered = [Int32](repeating: -1, count: reads.count)
        var kept: [Int32] = []
        if unused == 0 {
            for index in reads.indices { renumbered[index] = Int32(index) }
            kept = reads.indices.map { Int32($0) }
        } else {
            for output in outputs.values {
                for read in output.reads where renumbered[Int(read.index)] < 0 {
                    renumbered[Int(read.index)] = Int32(kept.count)
                    kept.append(read.index)
                }
            }
        }
        writer.write(kept.count)
        for index in kept { writer.write(reads[Int(index)]) }
        writer.write(outputs.count)
        for (path, output) in outputs {
            if unused == 0, let encoded = output.encoded {
                writer.append(encoded)
                continue
            }
            writer.write(path)
            writer.writeFixed(output.inputs)
            writer.write(output.reads.count)
            for read in output.reads {
                writer.write(Int(renumbered[Int(read.index)]))
                writer.writeFixed(read.digest)
            }
            writer.write(output.stamp.size)
            writer.write(output.stamp.modified)
        }
        writer.write(registry != nil)
        if let registry { writer.write(registry) }
        var header = CacheWriter()
        header.write(Self.formatVersion)
        header.writeFixed(CacheChecksum.of(writer.bytes))
        return [Self.magic + header.bytes, writer.bytes]
    }

    /// What the scan and the parse stage need, up to the stamps, and a reader at the rest: the
    /// scan starts while the rest is decoded (`CacheFile.Loading`). Nil when the bytes are not a
    /// complete cache written by this version of Duet (`tool`): the checksum of the whole file is
    /// checked first, so a truncated, corrupt or foreign cache is never trusted.
    /// - Parameter store: where the bodies of the parses the cache names are.
    static func decodeHead(_ bytes: [UInt8], tool: UInt64, store: ParseStore) -> (BuildCache, CacheReader)? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = CacheReader(bytes, from: magic.count)
        do {
            guard try reader.readUInt64() == formatVersion else { return nil }
            let checksum = try reader.readFixed()
            guard reader.digestOfRest == checksum, try reader.readFixed() == tool else { return nil }
            var cache = BuildCache()
            cache.site = try reader.readFixed()
            cache.outputPaths = try reader.readFixed()
            cache.readsEverything = try reader.readBool()
            cache.stored = StoredBodies(store: store)
            let parseCount = try reader.readCount()
            cache.records.reserveCapacity(parseCount)
            for _ in 0..<parseCount {
                let (key, record) = try reader.readParseRecord()
                cache.records[key] = record
            }
            let stampCount = try reader.readCount()
            cache.stamps.reserveCapacity(stampCount)
            for _ in 0..<stampCount {
                let path = try reader.readString()
                let stamp = SourceStamp(size: try reader.readInt(), modified: try reader.readInt(), inode: try reader.readUInt64())
                cache.stamps[path] = ParseMemo.Stamped(stamp: stamp, key: try reader.readFixed(), settings: try reader.readFixed())
            }
            return (cache, reader)
        } catch {
            return nil
        }
    }

    /// The read table, the output records and the registry, after `decodeHead`; false when they
    /// do not decode whole.
    mutating func decodeRest(_ reader: inout CacheReader) -> Bool {
        do {
            var reads: [Dependency] = []
            let readCount = try reader.readCount()
            reads.reserveCapacity(readCount)
            for _ in 0..<readCount { reads.append(try reader.readDependency()) }
            table = ReadTable(reads)
            let outputCount = try reader.readCount()
            outputs.reserveCapacity(outputCount)
            for _ in 0..<outputCount {
                let start = reader.position
                let path = try reader.readString()
                let inputs = try reader.readFixed()
                let count = try reader.readCount()
                var recorded: [Read] = []
                recorded.reserveCapacity(count)
                for _ in 0..<count {
                    let index = try reader.readInt()
                    guard index >= 0, index < readCount else { return false }
                    recorded.append(Read(index: Int32(index), digest: try reader.readFixed()))
                }
                let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt())
                var output = Output(inputs: inputs, reads: recorded, stamp: stamp)
                output.encoded = reader.bytes(since: start)
                outputs[path] = output
            }
            if try reader.readBool() { registry = try reader.readRegistry() }
            return reader.isAtEnd
        } catch {
            return false
        }
    }
}

/// Size and modification time (nanoseconds) of a file, as `stat` reports them.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: Int
}
