/// Jekyll posts sometimes write the author as a link, `<a href="https://x.org/~ana">Ana Lee</a>`:
/// the name is the link's text and the address is the author's web page.
public enum AuthorLink {
    public static func parse(_ text: String) -> (name: String, url: String)? {
        // Most bylines are plain names: no `<`, no link.
        guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("<a "), trimmed.lowercased().hasSuffix("</a>"),
              let open = trimmed.firstIndex(of: ">") else { return nil }
        let tag = trimmed[..<open]
        let name = PlainText.from(html: String(trimmed[trimmed.index(after: open)...].dropLast(4)))
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        var url = ""
        for quote in ["\"", "'"] {
            if let start = tag.range(of: "href=" + quote), let end = tag[start.upperBound...].firstIndex(of: Character(quote)) {
                url = String(tag[start.upperBound..<end])
                break
            }
        }
        return (name, url)
    }
}

import Foundation
