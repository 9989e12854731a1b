/// The text of a small HTML fragment (an excerpt) for places that show no markup: a CSV cell, a
/// JSON string. Tags dropped, entities decoded, runs of white space made one space.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; text.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        let decoded = HTMLEntities.decode(text)
        var result = ""
        var pendingSpace = false
        for character in decoded {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            // No space where a tag stood before closing punctuation: `<em>word</em>.` reads `word.`
            if pendingSpace, !".,;:!?)，。；：！？、）」』".contains(character) { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
