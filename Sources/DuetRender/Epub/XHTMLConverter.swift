/// Rendered HTML -> well-formed XHTML for EPUB readers, which parse chapters as XML and reject a
/// book over a single `<br>` or `&nbsp;`. The input is libcmark-gfm output plus whatever raw HTML
/// authors wrote, so the converter repairs the usual differences rather than parsing HTML fully.
enum XHTMLConverter {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Named references of HTML that XML does not know, as code points. Anything rarer is escaped
    /// as text, which a reader shows literally instead of failing.
    static let namedEntities: [String: UInt32] = [
        "nbsp": 160, "iexcl": 161, "cent": 162, "pound": 163, "yen": 165, "sect": 167, "copy": 169, "laquo": 171,
        "reg": 174, "deg": 176, "plusmn": 177, "para": 182, "middot": 183, "raquo": 187, "frac12": 189,
        "times": 215, "divide": 247, "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217, "sbquo": 8218,
        "ldquo": 8220, "rdquo": 8221, "bdquo": 8222, "dagger": 8224, "Dagger": 8225, "bull": 8226,
        "hellip": 8230, "permil": 8240, "prime": 8242, "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250,
        "euro": 8364, "trade": 8482, "larr": 8592, "rarr": 8594, "harr": 8596, "minus": 8722, "thinsp": 8201,
        "ensp": 8194, "emsp": 8195, "zwj": 8205, "zwnj": 8204, "shy": 173,
    ]
    static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// How the converter treats `src` and `href` values: it returns the new value, or nil to drop
    /// the attribute (a link or image that cannot work inside the book).
    typealias Rewrite = (_ attribute: String, _ value: String) -> String?

    static func convert(_ html: String, rewrite: Rewrite = { _, value in value }) -> String {
        let characters = Array(html)
        var output = ""
        output.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "<" {
                if matches(characters, at: index, "<!--") {
                    let end = find(characters, "-->", from: index + 4) ?? characters.count
                    output += "<!--" + String(characters[min(index + 4, end)..<end]).replacing("--", with: "- -") + "-->"
                    index = min(end + 3, characters.count)
                    continue
                }
                if let (tag, next) = parseTag(characters, at: index) {
                    output += emit(tag, rewrite: rewrite)
                    index = next
                    continue
                }
                output += "&lt;"
            } else if character == "&" {
                let (text, next) = reference(characters, at: index)
                output += text
                index = next
                continue
            } else if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                      scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" {
                // Control characters are not allowed anywhere in XML.
            } else {
                output.append(character)
            }
            index += 1
        }
        return output
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(name: String, value: String?)]
    }

    /// `<name attr="v" flag>` or `</name>` starting at `start`; nil when the `<` is plain text.
    static func parseTag(_ characters: [Character], at start: Int) -> (Tag, Int)? {
        var index = start + 1
        var closing = false
        if index < characters.count, characters[index] == "/" {
            closing = true
            index += 1
        }
        guard index < characters.count, characters[index].isASCII, characters[index].isLetter else { return nil }
        var name = ""
        while index < characters.count, characters[index].isASCII,
              characters[index].isLetter || characters[index].isNumber || characters[index] == "-" {
            name.append(characters[index])
            index += 1
        }
        var tag = Tag(name: name.lowercased(), closing: closing, selfClosing: false, attributes: [])
        while index < characters.count {
            let character = characters[index]
            if character == ">" { return (tag, index + 1) }
            if character == "/" {
                tag.selfClosing = true
                index += 1
                continue
            }
            if character.isWhitespace {
                index += 1
                continue
            }
            var attribute = ""
            while index < characters.count, !characters[index].isWhitespace,
                  !["=", ">", "/"].contains(characters[index]) {
                attribute.append(characters[index])
                index += 1
            }
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count, characters[index] == "=" else {
                tag.attributes.append((attribute.lowercased(), nil))
                continue
            }
            index += 1
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            var value = ""
            if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                index += 1
                while index < characters.count, characters[index] != quote {
                    value.append(characters[index])
                    index += 1
                }
                index += 1
            } else {
                while index < characters.count, !characters[index].isWhitespace, characters[index] != ">" {
                    value.append(characters[index])
                    index += 1
                }
            }
            tag.attributes.append((attribute.lowercased(), value))
        }
        return nil
    }

    static func emit(_ tag: Tag, rewrite: Rewrite) -> String {
        let isVoid = voidElements.contains(tag.name)
        if tag.closing { return isVoid ? "" : "</\(tag.name)>" }
        var text = "<" + tag.name
        var seen: Set<String> = []
        var style: [String] = []
        for (name, value) in tag.attributes where !name.isEmpty && seen.insert(name).inserted {
            var value = value.map(decodeForAttribute) ?? ""
            if name == "align" {
                // Obsolete in HTML5 (libcmark-gfm writes it on table cells); a style says the same.
                style.append("text-align: \(value)")
                continue
            }
            if name == "src" || name == "href" {
                guard let rewritten = rewrite(name, value) else {
                    // An image the book cannot hold is replaced by its description.
                    if tag.name == "img", name == "src" {
                        let alternative = tag.attributes.first { $0.name == "alt" }?.value.map(decodeForAttribute) ?? ""
                        return alternative.markupEscaped
                    }
                    continue
                }
                value = rewritten
            }
            if name == "style" {
                style.insert(value, at: 0)
                continue
            }
            text += " \(name)=\"\(value.markupEscaped)\""
        }
        if !style.isEmpty { text += " style=\"\(style.joined(separator: "; ").markupEscaped)\"" }
        if isVoid { return text + " />" }
        return text + (tag.selfClosing ? "></\(tag.name)>" : ">")
    }

    /// Attribute values are re-escaped on output, so references are decoded to characters first.
    static func decodeForAttribute(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let characters = Array(value)
        var output = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "&", let (scalar, next) = decodedReference(characters, at: index) {
                output.unicodeScalars.append(scalar)
                index = next
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// A character reference in text, as XML accepts it.
    static func reference(_ characters: [Character], at index: Int) -> (String, Int) {
        guard let semicolon = (index + 1..<min(index + 34, characters.count)).first(where: { characters[$0] == ";" })
        else { return ("&amp;", index + 1) }
        let name = String(characters[index + 1..<semicolon])
        if xmlEntities.contains(name) { return ("&\(name);", semicolon + 1) }
        if name.hasPrefix("#"), decodedReference(characters, at: index) != nil { return ("&\(name);", semicolon + 1) }
        if let code = namedEntities[name] { return ("&#\(code);", semicolon + 1) }
        return ("&amp;", index + 1)
    }

    static func decodedReference(_ characters: [Character], at index: Int) -> (Unicode.Scalar, Int)? {
        guard let semicolon = (index + 1..<min(index + 34, characters.count)).first(where: { characters[$0] == ";" })
        else { return nil }
        let name = String(characters[index + 1..<semicolon])
        let code: UInt32?
        switch name {
        case "amp": code = 38
        case "lt": code = 60
        case "gt": code = 62
        case "quot": code = 34
        case "apos": code = 39
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                code = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                code = UInt32(name.dropFirst())
            } else {
                code = namedEntities[name]
            }
        }
        guard let code, let scalar = Unicode.Scalar(code), code >= 0x20 || code == 0x9 || code == 0xA || code == 0xD
        else { return nil }
        return (scalar, semicolon + 1)
    }

    private static func matches(_ characters: [Character], at index: Int, _ text: String) -> Bool {
        let wanted = Array(text)
        guard index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<index + wanted.count]) == wanted
    }

    private static func find(_ characters: [Character], _ text: String, from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if matches(characters, at: index, text) { return index }
            index += 1
        }
        return nil
    }
}
