import Foundation

/// URL slugs from titles: `Rivers & Ledgers!` -> `rivers-ledgers`, `河流与账本` -> `he-liu-yu-zhang-ben`
/// (pinyin through ICU), so a Chinese title still gives a file name and a URL anyone can type.
public enum Slug {
    /// Longer slugs are cut at a word boundary: URLs stay readable in a message or a citation.
    static let maximumLength = 60

    public static func make(from title: String) -> String {
        let latin = title.allSatisfy(\.isASCII) ? title
            : title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false)
                ?? title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for character in latin.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maximumLength, !slug.isEmpty { break }
            slug = next
        }
        return slug
    }

    /// Only what `make` could produce: lower-case ASCII letters, digits and single hyphens.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
