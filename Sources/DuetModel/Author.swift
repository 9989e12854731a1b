/// A contributor, from `content/authors/<id>.yml`, or made up from a byline name that has no entry.
public struct Author: Hashable, Sendable {
    public var id: String
    /// Name per language code.
    public var names: [String: String]
    /// Family name per language, for sorting and citations (`Marchbank`, `唐`).
    public var familyNames: [String: String]
    public var affiliations: [String: String]
    public var biosHTML: [String: String]
    public var photo: String?
    public var website: String?
    public var orcid: String?
    /// The registry file, or nil for an author known only from a byline.
    public var sourcePath: String?

    public init(id: String, names: [String: String], familyNames: [String: String] = [:],
                affiliations: [String: String] = [:], biosHTML: [String: String] = [:], photo: String? = nil,
                website: String? = nil, orcid: String? = nil, sourcePath: String? = nil) {
        self.id = id
        self.names = names
        self.familyNames = familyNames
        self.affiliations = affiliations
        self.biosHTML = biosHTML
        self.photo = photo
        self.website = website
        self.orcid = orcid
        self.sourcePath = sourcePath
    }

    /// The name in `language`, else in `fallback`, else any.
    public func name(in language: String, fallback: String) -> String {
        names[language] ?? names[fallback] ?? names.values.sorted().first ?? id
    }

    /// The family name in `language`: the registry's, else the part after the last `·` of a
    /// transliterated name, else the first character of a Chinese name, else the last word.
    public func familyName(in language: String, fallback: String) -> String {
        if let family = familyNames[language] { return family }
        let name = self.name(in: language, fallback: fallback)
        if let dot = name.lastIndex(of: "·") { return String(name[name.index(after: dot)...]) }
        if let first = name.first, first.unicodeScalars.first.map({ (0x4E00...0x9FFF).contains($0.value) }) == true {
            return String(first)
        }
        return name.split(separator: " ").last.map(String.init) ?? name
    }

    /// True when the name in `language` puts the family name first (`Tang Ruoxi`, `唐若溪`).
    public func familyNameFirst(in language: String, fallback: String) -> Bool {
        let name = self.name(in: language, fallback: fallback)
        let family = familyName(in: language, fallback: fallback)
        return name.hasPrefix(family) && !name.contains("·")
    }
}
