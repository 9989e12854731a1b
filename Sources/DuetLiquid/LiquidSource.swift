import DuetModel

/// A template's text as UTF-8 bytes with the file position of its first byte, so every token
/// can be located in the author's file (a post body starts some lines below its front matter).
public struct LiquidSource: Sendable {
    public var path: String
    let bytes: [UInt8]
    let firstLine: Int
    /// Byte ranges Liquid leaves alone: Markdown code spans and fenced code in a post.
    let protected: [Range<Int>]
    private let lineStarts: [Int]

    public init(text: String, path: String, firstLine: Int = 1, protected: [Range<Int>] = []) {
        self.path = path
        self.bytes = Array(text.utf8)
        self.firstLine = firstLine
        self.protected = protected.sorted { $0.lowerBound < $1.lowerBound }
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// Columns count characters, not bytes, so a caret under a Chinese line lands right.
    public func location(_ offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < min(offset, bytes.count) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: path, line: firstLine + low, column: column)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
