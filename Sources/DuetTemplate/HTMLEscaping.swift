/// HTML escaping on UTF-8 bytes, the five characters swift-mustache escapes and with the same
/// entities, so pages stay byte-identical; a text with none of them is copied whole.
enum HTMLEscaping {
    private static let needsEscape: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "&<>\"'".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count where needsEscape[Int(bytes[index])] {
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch bytes[index] {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(contentsOf: "&#39;".utf8)
            }
            runStart = index + 1
        }
        if runStart == 0 {
            output.append(contentsOf: bytes)
        } else if runStart < bytes.count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
