import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Data {
    /// Whether the bytes hold `needle` anywhere: `memchr` to each candidate first byte, then
    /// `memcmp`, because Foundation's `range(of:)` compares byte by byte through its iterator and
    /// cost a twentieth of a whole build when Liquid looked for its markers in every document.
    func containsBytes(of needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            withUnsafeBytes { haystack in
                guard let first = pattern.first, let patternBase = pattern.baseAddress else { return true }
                guard let base = haystack.baseAddress, haystack.count >= pattern.count else { return false }
                var offset = 0
                let last = haystack.count - pattern.count
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let index = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + index, patternBase, pattern.count) == 0 { return true }
                    offset = index + 1
                }
                return false
            }
        }
    }
}
