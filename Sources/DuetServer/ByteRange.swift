import Foundation

/// A `Range: bytes=...` request for one part of a file, which audio, video and PDF viewers send to
/// seek. Only a single range is served as 206; a list of ranges gets the whole file (RFC 9110
/// §14.2 lets a server ignore `Range`), so no multipart body is ever made.
public enum ByteRange: Equatable, Sendable {
    /// Bytes `range` of the file.
    case partial(Range<Int>)
    /// 416: the range starts at or after the end of the file.
    case unsatisfiable

    /// nil when the header is not a single byte range (then the whole file is sent).
    public init?(header: String, length: Int) {
        let text = header.trimmingCharacters(in: [" ", "\t"])
        guard text.count > 6, text.prefix(6).lowercased() == "bytes=" else { return nil }
        let spec = text.dropFirst(6).trimmingCharacters(in: [" ", "\t"])
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash]
        let last = spec[spec.index(after: dash)...]
        guard first.utf8.allSatisfy(Byte.isDigit), last.utf8.allSatisfy(Byte.isDigit), !(first.isEmpty && last.isEmpty) else {
            return nil
        }
        // Digits past Int.max are a position past any file.
        func number(_ digits: Substring) -> Int { Int(digits) ?? Int.max }
        if first.isEmpty {
            // `-500`: the last 500 bytes.
            let suffix = number(last)
            guard suffix > 0, length > 0 else { self = .unsatisfiable; return }
            self = .partial(max(0, length - suffix)..<length)
            return
        }
        let start = number(first)
        if !last.isEmpty, number(last) < start { return nil }
        guard start < length else { self = .unsatisfiable; return }
        let end = last.isEmpty ? length - 1 : min(number(last), length - 1)
        self = .partial(start..<(end + 1))
    }
}
