import DuetModel
import Foundation

/// Bytes to text the way authors' editors save it: UTF-8, perhaps with a BOM, perhaps with CRLF.
enum SourceText {
    /// Decodes UTF-8 and normalises line endings to `\n`, so every later line number is the
    /// line number the author's editor shows.
    static func decode(_ data: Data, path: String) throws(SourceError) -> String {
        // Text never holds NUL; binary formats (images, PDFs, Word files) nearly always do early on.
        // Both checks read the bytes in place: through `Data`'s iterator they cost as much as
        // parsing the front matter.
        let (isBinary, validated, hasReturns) = data.withUnsafeBytes { raw -> (Bool, String?, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            if UnsafeBufferPointer(rebasing: bytes.prefix(8192)).containsByte(0) { return (true, nil, false) }
            return (false, String(validating: bytes, as: UTF8.self), bytes.containsByte(0x0D))
        }
        if isBinary { throw .binaryFile(SourceLocation(file: path, line: 1, column: 1)) }
        guard var text = validated else {
            throw .invalidUTF8(firstInvalidByte(in: data, path: path))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if hasReturns {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The line and column (in characters) of the first byte that is not UTF-8.
    private static func firstInvalidByte(in data: Data, path: String) -> SourceLocation {
        var line = 1
        var lineStart = data.startIndex
        var index = data.startIndex
        while index < data.endIndex {
            if data[index] == 0x0A {
                line += 1
                lineStart = data.index(after: index)
                index = lineStart
                continue
            }
            let lineEnd = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[lineStart..<lineEnd], as: UTF8.self) == nil {
                var column = 1
                var probe = lineStart
                while probe < lineEnd {
                    let scalarLength = utf8Length(leadByte: data[probe])
                    // A sequence cut short by the end of the file must not step past it (found by fuzzing).
                    let end = data.index(probe, offsetBy: scalarLength, limitedBy: lineEnd) ?? lineEnd
                    if scalarLength == 0 || String(validating: data[probe..<end], as: UTF8.self) == nil { break }
                    column += 1
                    probe = end
                }
                return SourceLocation(file: path, line: line, column: column)
            }
            index = lineEnd
        }
        return SourceLocation(file: path, line: line, column: 1)
    }

    private static func utf8Length(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}
