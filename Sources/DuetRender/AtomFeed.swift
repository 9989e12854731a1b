import DuetModel

/// The Atom feed (RFC 4287) of one language: `/en/feed.xml`, newest articles first.
///
/// Written in Swift rather than as a template because every field needs XML escaping and the
/// RFC's required elements (id, title, updated, author) must never depend on a theme.
struct AtomFeed: Sendable {
    var graph: SiteGraph
    var language: Language
    var strings: Strings
    var links: SiteLinks
    public static let entryLimit = 20

    func render() -> String {
        let articles = graph.articles(in: language.code).prefix(Self.entryLimit)
        let title = graph.config.title(in: language.code)
        let home = links.absoluteURL(graph.homeRoute(for: language.code))
        let updated = articles.compactMap(AtomFeed.updated).max()?.iso8601 ?? "1970-01-01T00:00:00+00:00"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(language.tag))">
            <title>\(escape(title))</title>

            """
        if let subtitle = graph.config.descriptions[language.code] { xml += "<subtitle>\(escape(subtitle))</subtitle>\n" }
        xml += """
            <link rel="self" type="application/atom+xml" href="\(escape(links.absoluteURL(graph.feedRoute(for: language.code))))"/>
            <link rel="alternate" type="text/html" href="\(escape(home))"/>
            <id>\(escape(home))</id>
            <updated>\(updated)</updated>
            <author><name>\(escape(title))</name></author>

            """
        if let license = graph.config.license { xml += Self.rights(license, language: language.code) }
        for article in articles { xml += entry(article, fallbackDate: updated) }
        return xml + "</feed>\n"
    }

    /// One `<entry>`; with `xmlLang`, marked with its language (the bilingual feed mixes them).
    func entry(_ article: Article, fallbackDate: String, xmlLang: String? = nil) -> String {
        let document = article.document
        let url = links.absoluteURL(article.route)
        let date = document.date?.iso8601 ?? fallbackDate
        let updated = Self.updated(article)?.iso8601 ?? date
        var xml = xmlLang.map { "<entry xml:lang=\"\(escape($0))\">\n" } ?? "<entry>\n"
        xml += "<title>\(escape(document.title))</title>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(url))\"/>\n"
        for (code, route) in graph.translations(of: document).routes.sorted(by: { $0.key < $1.key }) where code != document.language {
            let tag = graph.config.language(code)?.tag ?? code
            xml += "<link rel=\"alternate\" type=\"text/html\" hreflang=\"\(escape(tag))\" href=\"\(escape(links.absoluteURL(route)))\"/>\n"
        }
        xml += "<id>\(escape(url))</id>\n<published>\(date)</published>\n<updated>\(updated)</updated>\n"
        for author in document.authors { xml += "<author><name>\(escape(author))</name></author>\n" }
        if let doi = article.doi {
            xml += "<link rel=\"related\" type=\"text/html\" title=\"DOI \(escape(doi.value))\" href=\"\(escape(doi.url))\"/>\n"
        }
        if let license = article.license { xml += Self.rights(license, language: document.language) }
        if !document.excerptHTML.isEmpty {
            xml += "<summary type=\"html\">\(escape(absolutized(document.excerptHTML)))</summary>\n"
        }
        return xml + "<content type=\"html\">\(escape(absolutized(document.bodyHTML)))</content>\n</entry>\n"
    }

    /// When the entry last changed: its `updated:` or newest correction, else its publication.
    /// A reader's feed client shows a corrected article as changed.
    static func updated(_ article: Article) -> PublicationDate? {
        article.document.lastModified ?? article.document.date
    }

    /// `<rights>` for readers and the licence link of RFC 4946 for machines.
    static func rights(_ license: License, language: String) -> String {
        "<rights>\(escape(license.name(in: language)))</rights>\n"
            + "<link rel=\"license\" type=\"text/html\" href=\"\(escape(license.url))\"/>\n"
    }

    /// Feed readers resolve links against the feed, not the site: root-relative links an author
    /// wrote are site-relative, so they become absolute under the base URL (path included).
    private func absolutized(_ html: String) -> String {
        guard !links.absoluteBase.isEmpty else { return html }
        return SiteLinks.prefixingRootRelativeLinks(in: html, with: links.absoluteBase)
    }
}

/// Escapes text for XML content and attribute values.
func escape(_ text: String) -> String { text.markupEscaped }
