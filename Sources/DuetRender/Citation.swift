import DuetModel
import Foundation

/// Ready-made citations of one article: Chicago on English pages, GB/T 7714-2015 on Chinese pages
/// (and for Chinese readers of English ones), and BibTeX, RIS and CSL-JSON for reference managers
/// (`Citation+Files.swift`). Pure text functions, tested against hand-written examples.
struct Citation: Sendable {
    struct Person: Sendable {
        let name: String
        let family: String
        /// `Tang Ruoxi`, `唐若溪`: the family name is written first and never inverted.
        let familyFirst: Bool
        /// The family name in Latin letters for the BibTeX key (`Tang` for 唐), when known.
        let latinFamily: String?
        /// The name without its family name, wherever that stands (`Jonah Reyes Jr.` -> `Jonah Jr.`).
        /// Found once: Foundation's `range(of:)` costs some 13 K instructions a call, and the cite
        /// block, the Highwire tags and every citation file ask for it, often more than once.
        let given: String

        init(name: String, family: String, familyFirst: Bool, latinFamily: String? = nil) {
            self.name = name
            self.family = family
            self.familyFirst = familyFirst
            self.latinFamily = latinFamily
            self.given = Self.given(of: name, family: family, familyFirst: familyFirst)
        }

        private static func given(of name: String, family: String, familyFirst: Bool) -> String {
            guard !family.isEmpty, let range = familyFirst ? name.range(of: family, options: .anchored)
                    : name.range(of: family, options: .backwards) else { return "" }
            let rest = name[..<range.lowerBound] + " " + name[range.upperBound...]
            return rest.split(whereSeparator: { $0 == " " || $0 == "·" }).joined(separator: " ")
        }

        /// `Marchbank, Elena`, or the name unchanged when it is family-first.
        /// Names in Chinese script are never inverted, transliterated Western ones included.
        var inverted: String {
            familyFirst || given.isEmpty || name.contains(where: PlainText.isCJK) ? name : "\(family), \(given)"
        }
    }

    var title: String
    var authors: [Person]
    var journal: String
    var year: Int
    var volume: Int
    var number: Int
    var url: String
    /// The BCP 47 tag of the article's language (`en`, `zh-Hans`): it decides the GB/T form too.
    var language: String
    /// The publication day, for RIS `DA` and CSL-JSON `issued`; `year` alone when nil.
    var date: PublicationDate? = nil
    /// The article's description, for RIS `AB` and CSL-JSON `abstract`.
    var abstract: String? = nil
    /// The registered DOI (`10.5555/...`), cited in place of the URL where a style prefers it.
    var doi: DOI? = nil
    /// The licence's URL, for CSL-JSON `license`.
    var licenseURL: String? = nil
    /// The journal's ISSNs (`2999-0017`), electronic first, for RIS `SN` and CSL-JSON `ISSN`.
    var issns: [String] = []

    /// Whether the work is Chinese: its citation follows Chinese conventions (`等`, full names).
    var isChinese: Bool { language.lowercased().hasPrefix("zh") }

    /// `Marchbank, Elena, Tang Ruoxi, and Tobias Wren. “Title.” <em>Duet</em> 2, no. 1 (2025). URL.`
    var chicagoHTML: String {
        let names = authors.enumerated().map { $0.offset == 0 ? $0.element.inverted : $0.element.name }
        let firstInverted = authors.first.map { $0.inverted != $0.name } ?? false
        let list: String
        switch names.count {
        case 0: list = ""
        case 1: list = names[0]
        case 2: list = names[0] + (firstInverted ? ", and " : " and ") + names[1]
        case 3...10: list = names.dropLast().joined(separator: ", ") + ", and " + (names.last ?? "")
        default: list = names.prefix(7).joined(separator: ", ") + ", et al."
        }
        let lead = list.isEmpty ? "" : escape(list) + (list.hasSuffix(".") ? " " : ". ")
        // Chicago (14.8): a DOI, as its resolver URL, replaces the page's URL.
        let link = doi?.url ?? url
        return "\(lead)“\(escape(title)).” <em>\(escape(journal))</em> \(volume), no. \(number) (\(year)). \(escape(link))."
    }

    /// `埃琳娜·马奇班克, 唐若溪, 托拜厄斯·雷恩. 标题[J]. 双声, 2025, 2(1). URL.` for a Chinese
    /// work; `MARCHBANK E, TANG R, WREN T, et al. Title[J]. Duet, 2025, 2(1). URL.` for an English
    /// one (GB/T 7714-2015 8.1.2: Latin family names in capitals, given names as initials). More
    /// than three authors: the first three, then 等 or et al. in the work's own language.
    var gbt7714: String {
        var names = authors.map { isChinese || $0.name.contains(where: PlainText.isCJK) ? $0.name : Self.gbtLatin($0) }
        if names.count > 3 { names = Array(names.prefix(3)) + [isChinese ? "等" : "et al"] }
        let lead = names.isEmpty ? "" : names.joined(separator: ", ") + ". "
        // GB/T 7714-2015 (8.8.2): the DOI follows the URL.
        let doi = self.doi.map { " DOI:\($0.value)." } ?? ""
        return "\(lead)\(title)[J]. \(journal), \(year), \(volume)(\(number)). \(url).\(doi)"
    }

    /// `Elena Marchbank` -> `MARCHBANK E`; `Tang Ruoxi` -> `TANG R`.
    private static func gbtLatin(_ person: Person) -> String {
        let initials = person.given.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first).map { String($0).uppercased() }
        return ([person.family.isEmpty ? person.name.uppercased() : person.family.uppercased()] + initials).joined(separator: " ")
    }

    /// `marchbank2025designing`: the BibTeX key, also the CSL-JSON `id`.
    var key: String {
        let first = authors.first.map { asciiKey($0.latinFamily ?? $0.family) } ?? "anon"
        // The title word only when it is already Latin: transliterating every title costs more than
        // the rest of the page, and `family + year` is key enough.
        let word = title.split(separator: " ").first.map { $0.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) } } ?? ""
        return "\(first)\(year)\(word)"
    }

    var bibtex: String {
        let people = authors.map { $0.inverted == $0.name ? "{\($0.name)}" : $0.inverted }
        return """
            @article{\(key),
              author = {\(people.joined(separator: " and "))},
              title = {{\(latexEscaped(title))}},
              journal = {\(latexEscaped(journal))},
              year = {\(year)},
              volume = {\(volume)},
              number = {\(number)},
              url = {\(url)},\(doi.map { "\n  doi = {\($0.value)}," } ?? "")
              language = {\(language)}
            }
            """
    }

    /// BibTeX is read by LaTeX: `&`, `%`, `#`, `$`, `_`, braces and the like are escaped.
    private func latexEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "\\": result += "\\textbackslash{}"
            default: result.append(character)
            }
        }
        return result
    }

    private func asciiKey(_ text: String) -> String {
        Transliteration.shared.ascii(text).lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
