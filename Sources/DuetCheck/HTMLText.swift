/// The text of a small HTML fragment (an excerpt) for places that show no markup: a CSV cell, a
/// JSON string. Tags dropped, entities decoded, runs of white space made one space.
enum HTMLText {
    /// Tags that end a line of text: they become a space. Inline tags (`em`, `a`, `code`) vanish
    /// without one, so `今年<em>旧</em>潮` stays unbroken Chinese and `<em>word</em>.` stays `word.`.
    private static let blockTags: Set<String> = [
        "p", "br", "li", "ul", "ol", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "table", "pre", "hr", "dd", "dt", "figcaption", "section",
    ]

    static func plainText(_ html: String) -> String {
        var text = ""
        var tag: String?
        for character in html {
            if var name = tag {
                if character == ">" {
                    let bare = name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    if blockTags.contains(bare) { text.append(" ") }
                    tag = nil
                } else {
                    name.append(character)
                    tag = name
                }
            } else if character == "<" {
                tag = ""
            } else {
                text.append(character)
            }
        }
        var result = ""
        var pendingSpace = false
        for character in HTMLEntities.decode(text) {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
