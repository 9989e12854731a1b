import DuetModel

/// What the last build parsed and wrote, so the next build parses only the files that changed and
/// renders only the pages those files (or site-wide inputs) touch.
struct BuildCache: Sendable {
    /// A parse result, reused when the file and everything parsing depends on are unchanged.
    struct Parsed: Sendable {
        var document: ParsedDocument
        var warnings: [Diagnostic]
    }

    /// One file in the output folder: the digest of what it was made from, and the size and
    /// modification time it had when written, so that a file edited or removed by hand is noticed.
    struct Output: Hashable, Sendable {
        var inputs: UInt64
        var stamp: FileStamp
    }

    /// Parse results by the digest of their inputs (`parseKey`).
    var parsed: [UInt64: Parsed] = [:]
    var outputs: [String: Output] = [:]

    /// Bump when the format or the meaning of a digest changes: an old cache is then ignored.
    static let formatVersion: UInt64 = 2
    private static let magic = Array("DUETCACHE".utf8)

    func encoded(tool: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(tool)
        writer.write(parsed.count)
        for (key, entry) in parsed.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            writer.write(entry.document)
            writer.write(entry.warnings.count)
            for warning in entry.warnings { writer.write(warning) }
        }
        writer.write(outputs.count)
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(output.inputs)
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
            for _ in 0..<(try reader.readCount()) {
                let key = try reader.readUInt64()
                let document = try reader.readDocument()
                var warnings: [Diagnostic] = []
                for _ in 0..<(try reader.readCount()) { warnings.append(try reader.readDiagnostic()) }
                cache.parsed[key] = Parsed(document: document, warnings: warnings)
            }
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                let inputs = try reader.readUInt64()
                let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt())
                cache.outputs[path] = Output(inputs: inputs, stamp: stamp)
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
