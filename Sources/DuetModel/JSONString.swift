extension String {
    /// This text as a JSON string literal: quotes, backslashes and control characters escaped, the
    /// rest as UTF-8. `<` is escaped too (`\u003c`), so the literal is safe inside `<script>`, where
    /// `</script` would end the element early and `<!--` would change how it is parsed.
    ///
    /// On bytes: every character it escapes is ASCII, and no byte of a longer UTF-8 sequence is.
    /// Most texts (titles, names, URLs) need no escape at all and are quoted as they are.
    public var jsonQuoted: String {
        var text = self
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: Self.needsJSONEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case UInt8(ascii: "\n"): out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
            return out
        }
        guard let escaped else { return "\"" + self + "\"" }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func needsJSONEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
    }
}
