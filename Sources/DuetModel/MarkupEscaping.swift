extension String {
    /// Escaped for HTML and XML text and attribute values (`&`, `<`, `>`, `"`, `'`). On bytes,
    /// and the string itself when nothing needs escaping (most titles and every URL): feeds
    /// escape whole articles with it.
    public var markupEscaped: String {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return self }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
