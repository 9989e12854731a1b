/// Where a Markdown text holds code: fenced blocks and code spans, as UTF-8 byte ranges.
///
/// Passes that run on the Markdown source before libcmark-gfm (Liquid, kramdown's attribute
/// lists) must leave code alone: an article about templates shows `{{ page.title }}` as written.
/// Indented code blocks are not found: telling one from a list item's continuation needs the
/// whole block parser, and Jekyll posts fence their code.
public enum MarkdownCodeRanges {
    public static func find(in text: String) -> [Range<Int>] {
        find(in: Array(text.utf8))
    }

    public static func find(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var fence: (byte: UInt8, length: Int, start: Int)?
        var paragraphStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let next = min(lineEnd + 1, bytes.count)
            var indent = lineStart
            while indent < lineEnd, bytes[indent] == 0x20, indent - lineStart < 4 { indent += 1 }
            let run = fenceRun(bytes, from: indent, to: lineEnd)
            if let open = fence {
                if indent - lineStart < 4, let run, run.byte == open.byte, run.length >= open.length,
                   bytes[(indent + run.length)..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    ranges.append(open.start..<next)
                    fence = nil
                    paragraphStart = next
                }
            } else if indent - lineStart < 4, let run,
                      run.byte == UInt8(ascii: "~") || !bytes[(indent + run.length)..<lineEnd].contains(UInt8(ascii: "`")) {
                spans(in: bytes, paragraphStart..<lineStart, into: &ranges)
                fence = (run.byte, run.length, lineStart)
            } else if bytes[lineStart..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                spans(in: bytes, paragraphStart..<lineStart, into: &ranges)
                paragraphStart = next
            }
            lineStart = next
        }
        if let open = fence { ranges.append(open.start..<bytes.count) } else { spans(in: bytes, paragraphStart..<bytes.count, into: &ranges) }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func fenceRun(_ bytes: [UInt8], from start: Int, to end: Int) -> (byte: UInt8, length: Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") else { return nil }
        var index = start
        while index < end, bytes[index] == bytes[start] { index += 1 }
        return index - start >= 3 ? (bytes[start], index - start) : nil
    }

    /// Code spans of one paragraph: a run of backticks closed by a run of the same length.
    private static func spans(in bytes: [UInt8], _ range: Range<Int>, into ranges: inout [Range<Int>]) {
        var index = range.lowerBound
        let tick = UInt8(ascii: "`")
        while index < range.upperBound {
            guard bytes[index] == tick, index == range.lowerBound || bytes[index - 1] != UInt8(ascii: "\\") else { index += 1; continue }
            var end = index
            while end < range.upperBound, bytes[end] == tick { end += 1 }
            let length = end - index
            var search = end
            var closed: Int?
            while search < range.upperBound {
                guard bytes[search] == tick else { search += 1; continue }
                var runEnd = search
                while runEnd < range.upperBound, bytes[runEnd] == tick { runEnd += 1 }
                if runEnd - search == length { closed = runEnd; break }
                search = runEnd
            }
            if let closed {
                ranges.append(index..<closed)
                index = closed
            } else {
                index = end
            }
        }
    }
}
