/// Markup helpers for `strip_html`, `escape_once` and `xml_escape`.
enum HTMLText {
    /// Drops `<script>`/`<style>` elements with their content, comments, then every tag.
    static func strip(_ html: String) -> String {
        var text = html
        for (open, close) in [("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->")] {
            while let start = text.range(of: open, options: .caseInsensitive) {
                guard let end = text.range(of: close, options: .caseInsensitive, range: start.upperBound..<text.endIndex) else {
                    text.removeSubrange(start.lowerBound...)
                    break
                }
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">", inTag { inTag = false } else if !inTag { result.append(character) }
        }
        return result
    }

    /// Like `escape`, but an entity already written (`&amp;`, `&#39;`) is kept as it is.
    static func escapeOnce(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "&", let semicolon = rest.prefix(12).firstIndex(of: ";"),
               rest[rest.index(after: rest.startIndex)..<semicolon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }),
               rest.index(after: rest.startIndex) < semicolon {
                result += rest[...semicolon]
                rest = rest[rest.index(after: semicolon)...]
                continue
            }
            result += String(character).markupEscaped
            rest = rest.dropFirst()
        }
        return result
    }

    static func xmlEscape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Percent-encoding for the URL filters.
enum URLText {
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && scheme.first?.isLetter == true && !text[colon...].hasPrefix(": ")
    }

    /// `cgi_escape`/`url_encode`: spaces as `+`, everything but `A-Za-z0-9*-._` percent-encoded.
    static func formEncode(_ text: String) -> String {
        encode(text, keeping: "*-._", spaceAsPlus: true)
    }

    /// `uri_escape`: reserved URI characters (`/?#:[]@!$&'()*+,;=`) kept.
    static func uriEscape(_ text: String) -> String {
        encode(text, keeping: "-._~/?#:[]@!$&'()*+,;=%", spaceAsPlus: false)
    }

    private static func encode(_ text: String, keeping: String, spaceAsPlus: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, (scalar.properties.isAlphabetic || (byte >= 0x30 && byte <= 0x39) || keeping.unicodeScalars.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if byte == 0x20, spaceAsPlus {
                result += "+"
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index] == UInt8(ascii: "+") ? 0x20 : utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
