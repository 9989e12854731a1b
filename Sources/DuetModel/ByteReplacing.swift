extension String {
    /// Every occurrence of `target` replaced, comparing UTF-8 bytes: the standard library's
    /// `replacing(_:with:)` matches Characters through the regex engine and showed up in profiles
    /// of link rewriting over whole articles.
    public func replacingBytes(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first, utf8.count >= needle.count else { return self }
        var output: [UInt8] = []
        var changed = false
        withContiguousUTF8 { bytes in
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == first, index + needle.count <= bytes.count,
                   needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    output.append(contentsOf: replacement.utf8)
                    index += needle.count
                    changed = true
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : self
    }

    /// Whether `target` occurs, comparing UTF-8 bytes (Foundation's `contains` on Linux goes through
    /// `CFStringFind`, which dominated the parse profile).
    public func containsBytes(_ target: String) -> Bool {
        firstByteOffset(of: target) != nil
    }

    /// The UTF-8 offset of the first occurrence of `target`.
    public func firstByteOffset(of target: String) -> Int? {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return 0 }
        var found: Int?
        withContiguousUTF8 { bytes in
            guard bytes.count >= needle.count else { return }
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    found = index
                    return
                }
                index += 1
            }
        }
        return found
    }

    private func withContiguousUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = self
        copy.withUTF8(body)
    }
}
