/// A title written with inline HTML (`<i>Nature</i> and Us`, `&ldquo;Tides&rdquo;`) as markup
/// for headings and listings: the phrasing tags of an allow-list are kept without their
/// attributes, character references are kept, and everything else (a `<script>`, a link, a stray
/// `<`) becomes escaped text. `<title>`, feeds and metadata use the plain text instead.
public enum TitleMarkup {
    private static let allowed: Set<String> = ["i", "em", "b", "strong", "code", "sub", "sup", "small", "q", "cite",
                                               "abbr", "mark", "s", "span", "br"]

    public static func html(_ title: String) -> String {
        var result = ""
        var rest = Substring(title)
        var open: [String] = []
        while let next = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            result += String(rest[..<next]).markupEscaped
            rest = rest[next...]
            if rest.first == "&" {
                if let end = rest.prefix(12).firstIndex(of: ";"),
                   rest[rest.index(after: rest.startIndex)..<end].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }),
                   rest.index(after: rest.startIndex) < end {
                    result += rest[...end]
                    rest = rest[rest.index(after: end)...]
                } else {
                    result += "&amp;"
                    rest = rest.dropFirst()
                }
                continue
            }
            // A `<` that opens no tag (`1 < 2`) is text.
            let after = rest.dropFirst().first
            guard let close = rest.firstIndex(of: ">"), let after, after.isLetter || after == "/" else {
                if rest.firstIndex(of: ">") != nil {
                    result += "&lt;"
                    rest = rest.dropFirst()
                    continue
                }
                result += String(rest).markupEscaped
                rest = ""
                break
            }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            let closing = inside.hasPrefix("/")
            let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            rest = rest[rest.index(after: close)...]
            guard allowed.contains(name) else { continue }
            if name == "br" { result += "<br>"; continue }
            if closing {
                guard let index = open.lastIndex(of: name) else { continue }
                for unclosed in open[(index + 1)...].reversed() { result += "</\(unclosed)>" }
                open.removeSubrange(index...)
                result += "</\(name)>"
            } else {
                open.append(name)
                result += "<\(name)>"
            }
        }
        result += String(rest).markupEscaped
        for unclosed in open.reversed() { result += "</\(unclosed)>" }
        return result
    }
}
