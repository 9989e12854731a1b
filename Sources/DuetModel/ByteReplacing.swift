#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Every occurrence of `target` replaced, comparing UTF-8 bytes: the standard library's
    /// `replacing(_:with:)` matches Characters through the regex engine and showed up in profiles
    /// of link rewriting over whole articles. Text between matches is copied a run at a time.
    public func replacingBytes(_ target: String, with replacement: String) -> String {
        replacingBytes([(target, replacement)])
    }

    /// Every occurrence of each target replaced in one pass, left to right; where two targets
    /// start at the same place, the first listed wins. A replacement is not searched again.
    public func replacingBytes(_ pairs: [(target: String, replacement: String)]) -> String {
        let needles = pairs.map { (Array($0.target.utf8), Array($0.replacement.utf8)) }.filter { !$0.0.isEmpty }
        guard !needles.isEmpty else { return self }
        var firsts = [Bool](repeating: false, count: 256)
        for (needle, _) in needles { firsts[Int(needle[0])] = true }
        var output: [UInt8]?
        var copy = self
        copy.withUTF8 { bytes in
            var index = 0
            var copied = 0
            while index < bytes.count {
                guard firsts[Int(bytes[index])] else { index += 1; continue }
                var found = -1
                for candidate in needles.indices where bytes.hasBytes(needles[candidate].0, at: index) {
                    found = candidate
                    break
                }
                guard found >= 0 else { index += 1; continue }
                let (needle, replacement) = needles[found]
                if output == nil { output = []; output?.reserveCapacity(bytes.count + bytes.count / 16) }
                output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output?.append(contentsOf: replacement)
                index += needle.count
                copied = index
            }
            if output != nil { output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
        }
        return output.map { String(decoding: $0, as: UTF8.self) } ?? self
    }

    /// The pieces between the occurrences of `separator`, empty ones kept, comparing UTF-8 bytes:
    /// `split(separator:)` with a String separator goes through the string-processing searcher,
    /// which was a fifth of building the site graph (bylines). Unlike a split on Characters, a
    /// separator followed by a combining mark still splits.
    public func splittingBytes(_ separator: String) -> [String] {
        let needle = Array(separator.utf8)
        guard !needle.isEmpty else { return [self] }
        var copy = self
        return copy.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            while let found = UnsafeBufferPointer(rebasing: bytes[start...]).firstOffset(of: needle) {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + found)]), as: UTF8.self))
                start += found + needle.count
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }

    /// `first`'s bytes from `offset` on, then `second`'s, made in one allocation: a route's
    /// output path from its URL path.
    init(joiningBytesOf first: String, from offset: Int, and second: String) {
        var (first, second) = (first, second)
        let count = first.utf8.count - offset + second.utf8.count
        self = first.withUTF8 { head in
            second.withUTF8 { tail in
                String(unsafeUninitializedCapacity: count) { buffer in
                    _ = buffer[..<(head.count - offset)].initialize(fromContentsOf: head[offset...])
                    _ = buffer[(head.count - offset)...].initialize(fromContentsOf: tail)
                    return count
                }
            }
        }
    }

    /// Whether `target` occurs, comparing UTF-8 bytes (Foundation's `contains` on Linux goes through
    /// `CFStringFind`, which dominated the parse profile).
    public func containsBytes(_ target: String) -> Bool {
        firstByteOffset(of: target) != nil
    }

    /// The UTF-8 offset of the first occurrence of `target` (no copy of either: both are read in place).
    public func firstByteOffset(of target: String) -> Int? {
        var (copy, needle) = (self, target)
        return copy.withUTF8 { haystack in needle.withUTF8 { haystack.firstOffset(of: $0) } }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first occurrence of `needle`.
    public func firstOffset(of needle: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { firstOffset(of: $0) }
    }

    /// glibc's `memmem` (a two-way search with a vectorised skip) where there is one: the generic
    /// `firstIndex(of:)` cost ~10 instructions a byte, and a `memchr` for the first byte stopped at
    /// every `<` of an HTML body. Otherwise each occurrence of the first byte (`memchr`), then the rest.
    public func firstOffset(of needle: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard count >= needle.count, let base = baseAddress else { return nil }
        if needle.count > 1, let memmem = byteSearch, let pattern = needle.baseAddress {
            guard let found = memmem(base, count, pattern, needle.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let last = count - needle.count
        var index = 0
        while index <= last {
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if UnsafeBufferPointer(rebasing: self[next..<(next + needle.count)]).elementsEqual(needle) { return next }
            index = next + 1
        }
        return nil
    }

    /// Whether `byte` occurs, through `memchr`.
    public func containsByte(_ byte: UInt8) -> Bool {
        guard let base = baseAddress, count > 0 else { return false }
        return memchr(base, Int32(byte), count) != nil
    }
}

private typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?
/// Looked up at run time: Swift's Glibc module does not declare this GNU extension.
private let byteSearch: MemMem? = dlsym(nil, "memmem").map { unsafeBitCast($0, to: MemMem.self) }

extension UnsafeBufferPointer<UInt8> {
    /// Whether `needle` starts at `index`.
    @inline(__always)
    public func hasBytes(_ needle: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= count else { return false }
        for offset in 0..<needle.count where self[index + offset] != needle[offset] { return false }
        return true
    }
}
