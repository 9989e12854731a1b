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

    private func withContiguousUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = self
        copy.withUTF8(body)
    }
}
