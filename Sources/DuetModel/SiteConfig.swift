/// The publication's settings from `content/site.yml`, as plain values.
public struct SiteConfig: Hashable, Sendable {
    /// The publication's title in each language, keyed by language code.
    public var titles: [String: String]
    /// The description per language, for `<meta name="description">` on generated pages.
    public var descriptions: [String: String]
    public var baseURL: String
    public var languages: [Language]
    public var defaultLanguage: String
    /// URL pattern for posts, e.g. `/:lang/issues/:issue/:slug/`.
    public var permalink: String
    /// URL pattern for standalone pages, e.g. `/:lang/:slug/`.
    public var pagePermalink: String
    /// Jekyll's site-wide default is a blank line: the excerpt is the first paragraph.
    public var excerptSeparator: String
    /// IANA zone for dates written without an offset (Jekyll's `timezone`).
    public var timeZone: String
    /// The year of volume 1: an issue without a `volume` is volume `year - firstYear + 1`.
    public var firstYear: Int?
    /// Section names in table-of-contents order; sections not listed follow alphabetically.
    public var sections: [String]
    /// Every post and page must exist in every language (`require_translations: true`).
    public var requireTranslations: Bool = false
    /// The journal's DOI prefix (`doi_prefix: 10.5555`); without it articles have no DOI and no
    /// Crossref deposit is written.
    public var doiPrefix: String?
    /// How an article's DOI suffix is made when its front matter gives no `doi:` (`doi_suffix:`).
    public var doiSuffix: DOISuffixPattern = .standard
    /// The `head` of every Crossref deposit (`crossref: {depositor, email, registrant}`).
    public var crossref: CrossrefHead?
    /// `issn:` electronic and/or print.
    public var issn = ISSNs()
    /// The licence every article is published under unless its front matter names another.
    public var license: License?

    public init(titles: [String: String] = ["en": "Duet"], descriptions: [String: String] = [:],
                baseURL: String = "", languages: [Language] = [Language(code: "en")],
                defaultLanguage: String = "en", permalink: String = "/:lang/issues/:issue/:slug/",
                pagePermalink: String = "/:lang/:slug/", excerptSeparator: String = "\n\n",
                timeZone: String = "UTC", firstYear: Int? = nil,
                sections: [String] = ["Essays", "Dialogue Reports", "Reviews"]) {
        self.titles = titles
        self.descriptions = descriptions
        self.baseURL = baseURL
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.permalink = permalink
        self.pagePermalink = pagePermalink
        self.excerptSeparator = excerptSeparator
        self.timeZone = timeZone
        self.firstYear = firstYear
        self.sections = sections
    }

    public func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }

    public func title(in language: String) -> String {
        titles[language] ?? titles[defaultLanguage] ?? titles.values.sorted().first ?? ""
    }

    /// The path part of the base URL without a trailing slash (`/review` for
    /// `https://example.org/review/`), prefixed to every internal link.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }

    /// The base URL without a trailing slash, for absolute links (canonical, Open Graph).
    public var absoluteBase: String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return String(base)
    }
}
