import DuetModel
import DuetSource
import Foundation

/// What `duet build` needs to say "nothing to do" without reading the cache: the stamp of every
/// input when the last build started, the options it ran with, the span of time in which its
/// choice of published posts holds, its report, and the stamp of every file it left in the
/// output folder. When all of that still holds, the last build's outcome stands (make's and
/// ninja's shortcut), and neither the cache nor the theme is read.
struct UpToDateRecord: Sendable {
    var inputs: UInt64
    var options: UInt64
    /// When the inputs were stamped (ns since 1970): a file modified close to it may have been
    /// changed within the same tick of the file system's clock, so it is never trusted.
    var stampedAt: Int
    /// The build's "now" may move within `[since, until)` (seconds): no post's date falls in it.
    var since: Int64
    var until: Int64
    var diagnostics: [Diagnostic]
    var pagesPerLanguage: [(language: String, count: Int)]
    var sharedPages: Int
    var stylesheets: [String]
    var outputs: [(path: String, stamp: FileStamp)]
    /// The cache file's own stamp: a cache damaged or replaced since voids the record too.
    var cacheStamp: FileStamp?

    func stands(inputs now: InputStamps, options: UInt64, at moment: Int64, folder: OutputFolder, cacheStamp: FileStamp?) -> Bool {
        guard now.digest == inputs, options == self.options, now.newest < stampedAt - SourceStamp.racyWindow,
              moment >= since, moment < until, cacheStamp != nil, cacheStamp == self.cacheStamp else { return false }
        return outputs.allSatisfy { folder.stamp(of: $0.path) == $0.stamp }
    }

    /// The report of a build that had nothing to do.
    var report: BuildReport {
        var report = BuildReport(diagnostics: diagnostics, pagesPerLanguage: pagesPerLanguage, sharedPages: sharedPages, seconds: 0)
        report.renderedPages = 0
        report.stylesheets = stylesheets
        return report
    }

    private static let magic = Array("DUETSTAMP".utf8)

    func encoded(tool: UInt64) -> [UInt8] { Self.finish(encodedBody(tool: tool), cacheStamp: cacheStamp) }

    /// All but the cache file's stamp, which is known once the cache is written: made meanwhile.
    func encodedBody(tool: UInt64) -> CacheWriter {
        var writer = CacheWriter()
        writer.reserve(64 * outputs.count + 4096)
        writer.write(tool)
        writer.write(inputs)
        writer.write(options)
        writer.write(stampedAt)
        writer.write(Int(since))
        writer.write(Int(until))
        writer.write(diagnostics.count)
        for diagnostic in diagnostics { writer.write(diagnostic) }
        writer.write(pagesPerLanguage.count)
        for (language, count) in pagesPerLanguage {
            writer.write(language)
            writer.write(count)
        }
        writer.write(sharedPages)
        writer.write(stylesheets.count)
        for path in stylesheets { writer.write(path) }
        writer.write(outputs.count)
        for (path, stamp) in outputs {
            writer.write(path)
            writer.write(stamp.size)
            writer.write(stamp.modified)
        }
        return writer
    }

    static func finish(_ body: CacheWriter, cacheStamp: FileStamp?) -> [UInt8] {
        var writer = body
        writer.write(cacheStamp?.size ?? -1)
        writer.write(cacheStamp?.modified ?? -1)
        var checksum = StableDigest()
        checksum.combine(bytes: writer.bytes)
        var trailer = CacheWriter()
        trailer.write(checksum.value)
        return magic + writer.bytes + trailer.bytes
    }

    /// Nil unless the bytes are a complete record written by this binary (`tool`), and, with
    /// `inputs`, one made for inputs of that digest: a build after an edit stops reading at the
    /// digest, not after 10,000 output stamps (10 M instructions at 2,000 articles).
    static func decode(_ bytes: [UInt8], tool: UInt64, inputs: UInt64? = nil) -> UpToDateRecord? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = CacheReader(bytes, from: magic.count)
        do throws(CacheReader.Corrupt) {
            guard try reader.readUInt64() == tool else { return nil }
            let digest = try reader.readUInt64()
            if let inputs, inputs != digest { return nil }
            var record = UpToDateRecord(inputs: digest, options: try reader.readUInt64(), stampedAt: try reader.readInt(),
                                        since: Int64(try reader.readInt()), until: Int64(try reader.readInt()),
                                        diagnostics: [], pagesPerLanguage: [], sharedPages: 0, stylesheets: [], outputs: [])
            for _ in 0..<(try reader.readCount()) { record.diagnostics.append(try reader.readDiagnostic()) }
            for _ in 0..<(try reader.readCount()) { record.pagesPerLanguage.append((try reader.readString(), try reader.readInt())) }
            record.sharedPages = try reader.readInt()
            for _ in 0..<(try reader.readCount()) { record.stylesheets.append(try reader.readString()) }
            for _ in 0..<(try reader.readCount()) {
                record.outputs.append((try reader.readString(), FileStamp(size: try reader.readInt(), modified: try reader.readInt())))
            }
            let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt())
            record.cacheStamp = stamp.size < 0 ? nil : stamp
            let payloadEnd = reader.position
            let checksum = try reader.readUInt64()
            guard reader.isAtEnd, StableDigest.of(bytes: bytes[magic.count..<payloadEnd]).value == checksum else { return nil }
            return record
        } catch {
            return nil
        }
    }
}
