import DuetModel

/// `/feed.xml`: the articles of every language in one Atom feed, newest first, for readers who
/// follow both editions. The feed is in the default language; each entry carries its own
/// `xml:lang`, so a reader (and a screen reader) knows which language it is about to show.
struct CombinedAtomFeed: Sendable {
    var graph: SiteGraph
    var links: SiteLinks
    var strings: Strings

    /// As many entries as the feeds of every language together.
    static func entryLimit(languages: Int) -> Int { AtomFeed.entryLimit * max(1, languages) }

    func render() -> String {
        let config = graph.config
        let language = config.language(config.defaultLanguage) ?? Language(code: config.defaultLanguage)
        let single = AtomFeed(graph: graph, language: language, strings: strings, links: links)
        let articles = graph.articles.prefix(Self.entryLimit(languages: config.languages.count))
        var titles: [String] = []
        for code in config.languages.map(\.code) where !titles.contains(config.title(in: code)) { titles.append(config.title(in: code)) }
        let title = titles.joined(separator: " / ")
        let root = links.absoluteURL(SiteGraph.rootRoute)
        let updated = articles.compactMap(AtomFeed.updated).max()?.iso8601 ?? "1970-01-01T00:00:00+00:00"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(language.tag))">
            <title>\(escape(title))</title>
            <link rel="self" type="application/atom+xml" href="\(escape(links.absoluteURL(SiteGraph.combinedFeedRoute)))"/>
            <link rel="alternate" type="text/html" href="\(escape(root))"/>

            """
        for other in config.languages {
            xml += "<link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"\(escape(other.tag))\" href=\"\(escape(links.absoluteURL(graph.feedRoute(for: other.code))))\"/>\n"
        }
        xml += """
            <id>\(escape(links.absoluteURL(SiteGraph.combinedFeedRoute)))</id>
            <updated>\(updated)</updated>
            <author><name>\(escape(title))</name></author>

            """
        if let license = config.license { xml += AtomFeed.rights(license, language: language.code) }
        for article in articles {
            let tag = config.language(article.document.language)?.tag ?? article.document.language
            xml += single.entry(article, fallbackDate: updated, xmlLang: tag)
        }
        return xml + "</feed>\n"
    }
}
