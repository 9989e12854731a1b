import CDuetZlib
import Foundation

/// Zips a book in memory, so rendering stays free of file-system work. Every entry carries the
/// same fixed date and permissions: two builds of the same content give the same bytes.
///
/// The container is written here rather than by a ZIP library because the deflate level is the
/// EPUBs' largest cost in a full build and ZIPFoundation fixes it at zlib's default (6); an EPUB
/// needs only the simplest ZIP (no ZIP64, no data descriptors, no extra fields), so the writer is
/// small. The headers are the ones ZIPFoundation wrote, field for field.
enum EpubArchive {
    /// zlib's level 1: on the 2,000-article corpus's books, 1.80 G instructions where ZIPFoundation's
    /// level 6 took 2.97 G, for books 6.7 % larger (docs/PERFORMANCE.md, "The issue EPUBs").
    static let level: Int32 = 1

    /// 1 January 2000, 00:00 UTC, as a DOS date (years since 1980, month, day): any fixed date
    /// would do; ZIP dates cannot be before 1980.
    static let dosDate: UInt16 = (2000 - 1980) << 9 | 1 << 5 | 1
    /// Regular file, `rw-r--r--`, in the high half of the external attributes (Unix convention).
    static let externalAttributes: UInt32 = 0o100644 << 16

    static func zip(_ entries: [(path: String, data: Data, compressed: Bool)]) throws(Failure) -> Data {
        var writer = try Writer(capacity: entries.reduce(0) { $0 + $1.data.count / 2 + $1.path.utf8.count + 80 })
        for entry in entries {
            // `Data.withUnsafeBytes` only rethrows untyped errors: the failure comes out as a value.
            try entry.data.withUnsafeBytes { bytes in
                Result { () throws(Failure) in try writer.add(path: entry.path, bytes, compressed: entry.compressed) }
            }.get()
        }
        return writer.finish()
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Local headers and contents as they are added, the central directory kept aside and
    /// appended at the end.
    private struct Writer {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        var count = 0
        let deflater: Deflater

        init(capacity: Int) throws(Failure) {
            output.reserveCapacity(capacity)
            deflater = try Deflater(level: EpubArchive.level)
        }

        mutating func add(path: String, _ bytes: UnsafeRawBufferPointer, compressed: Bool) throws(Failure) {
            guard bytes.count < Int(UInt32.max), output.count < Int(UInt32.max), count < Int(UInt16.max) else {
                throw Failure(description: "\(path) would need ZIP64, which EPUB readers need not support")
            }
            let name = Array(path.utf8)
            let offset = UInt32(output.count)
            let crc = UInt32(truncatingIfNeeded: crc32(0, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
            let header = output.count
            // Local file header; the compressed size is filled in once known.
            output.appendLittleEndian(0x0403_4b50 as UInt32)
            output.appendHeaderFields(compressed: compressed, crc: crc, compressedSize: 0, size: UInt32(bytes.count), nameLength: name.count)
            output.appendLittleEndian(0 as UInt16) // extra field length
            output.append(contentsOf: name)
            let stored: UInt32
            if compressed {
                stored = try deflater.deflate(bytes, appendingTo: &output)
            } else {
                output.append(contentsOf: bytes)
                stored = UInt32(bytes.count)
            }
            output.withUnsafeMutableBytes { $0.storeBytes(of: stored.littleEndian, toByteOffset: header + 18, as: UInt32.self) }

            directory.appendLittleEndian(0x0201_4b50 as UInt32)
            directory.appendLittleEndian(0x0315 as UInt16) // made by: Unix, ZIP 2.1
            directory.appendHeaderFields(compressed: compressed, crc: crc, compressedSize: stored, size: UInt32(bytes.count), nameLength: name.count)
            directory.appendLittleEndian(0 as UInt16) // extra field length
            directory.appendLittleEndian(0 as UInt16) // comment length
            directory.appendLittleEndian(0 as UInt16) // disk number
            directory.appendLittleEndian(0 as UInt16) // internal attributes
            directory.appendLittleEndian(EpubArchive.externalAttributes)
            directory.appendLittleEndian(offset)
            directory.append(contentsOf: name)
            count += 1
        }

        mutating func finish() -> Data {
            let start = UInt32(output.count)
            output.append(contentsOf: directory)
            // End of central directory record: one disk, no comment.
            output.appendLittleEndian(0x0605_4b50 as UInt32)
            output.appendLittleEndian(0 as UInt16)
            output.appendLittleEndian(0 as UInt16)
            output.appendLittleEndian(UInt16(count))
            output.appendLittleEndian(UInt16(count))
            output.appendLittleEndian(UInt32(directory.count))
            output.appendLittleEndian(start)
            output.appendLittleEndian(0 as UInt16)
            return Data(output)
        }
    }

    /// One raw deflate stream (no zlib header: ZIP has its own), reset for each entry rather than
    /// set up anew, which would allocate and clear its tables every time.
    private final class Deflater {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        var buffer: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)

        init(level: Int32) throws(Failure) {
            stream.initialize(to: z_stream())
            // A 32 KB window (-15: raw deflate) and zlib's default memLevel, 8: each reset clears the
            // hash table, and ZIPFoundation's 9 doubles it for books that came out no smaller.
            let status = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                throw Failure(description: "zlib could not start a deflate stream (\(status))")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
            buffer.deallocate()
        }

        /// Appends `bytes` deflated; returns their compressed size.
        func deflate(_ bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(Failure) -> UInt32 {
            guard deflateReset(stream) == Z_OK else { throw Failure(description: "zlib could not reset its stream") }
            let bound = Int(deflateBound(stream, uLong(bytes.count)))
            if buffer.count < bound {
                buffer.deallocate()
                buffer = .allocate(capacity: max(bound, 2 * buffer.count))
            }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(bytes.count)
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = uInt(buffer.count)
            // The output buffer holds deflateBound's worst case, so one call finishes the stream.
            let status = CDuetZlib.deflate(stream, Z_FINISH)
            guard status == Z_STREAM_END else { throw Failure(description: "zlib could not deflate (\(status))") }
            let written = buffer.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written]))
            return UInt32(written)
        }
    }
}

private extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// The fields local header and central directory share, from "version needed" to the name's
    /// length: ZIP 2.0, UTF-8 names (bit 11), deflate or stored, the fixed date at midnight.
    mutating func appendHeaderFields(compressed: Bool, crc: UInt32, compressedSize: UInt32, size: UInt32, nameLength: Int) {
        appendLittleEndian(20 as UInt16)
        appendLittleEndian(0x0800 as UInt16)
        appendLittleEndian(compressed ? 8 as UInt16 : 0)
        appendLittleEndian(0 as UInt16) // time 00:00:00
        appendLittleEndian(EpubArchive.dosDate)
        appendLittleEndian(crc)
        appendLittleEndian(compressedSize)
        appendLittleEndian(size)
        appendLittleEndian(UInt16(nameLength))
    }
}
