import DuetModel

/// Builds the typed context of each page from the site graph: the switcher, the hreflang cluster,
/// dates and words in the page's language.
struct PageContextFactory: Sendable {
    var graph: SiteGraph
    var strings: StringsCatalog
    var links: SiteLinks
    var assets: [String: String] = [:]
    /// Every article as listings show it, computed once: an article appears on its issue page, the
    /// home page and each author's page.
    var listings = ListingCache()
    /// Search records by article: kept by the preview's plan after an edit (`SitePlan.rendering(from:)`),
    /// and by the CLI beside its build cache (`SearchRecordStore`).
    var searchRecords = SearchRecords()
    /// Output path -> size in bytes of the files offered for download (an issue's EPUBs).
    var downloads: Set<String> = []
    /// Site path -> size of the local images articles show (`image:`), for `width` and `height`.
    var imageSizes: [String: ImageSize] = [:]

    /// `withContent: false` for listings, which never show the body: rebasing its links cost as
    /// much as the rest of the view.
    func view(of document: ParsedDocument, route: Route, withContent: Bool = true) -> DocumentView {
        let words = strings[document.language]
        let authors = document.authors
        let image = document.image.map { $0.hasPrefix("/") ? links.basePath + $0 : $0 }
        var view = DocumentView(
            title: document.title,
            url: links.url(route),
            date: document.date.map(words.format),
            dateISO: document.date?.iso8601,
            excerpt: links.rebased(document.excerptHTML),
            content: withContent ? links.rebased(document.bodyHTML) : "",
            authors: authors.isEmpty ? nil : authors.joined(separator: words.values["author_separator"] ?? ", "),
            description: document.description,
            summary: document.summary,
            readingTime: words.counted("reading_time", document.readingMinutes),
            image: image,
            language: document.language,
            tags: document.list("tags"),
            params: document.frontMatter)
        view.figure = ArticleFigureView(document, source: image, sizes: imageSizes)
        view.titleHTML = document.titleHTML
        return view
    }

    /// The context of an article's own page.
    func context(for article: Article) -> PageContext {
        context(for: article.document, route: article.route, view: view(of: article, detailed: true))
    }

    /// The context of a page showing `document` (an article or a page) at `route`.
    func context(for document: ParsedDocument, route: Route, view: DocumentView? = nil) -> PageContext {
        let view = view ?? self.view(of: document, route: route)
        var context = base(language: document.language, route: route)
        context.document = view
        context.documentTitle = "\(view.title) · \(context.siteTitle)"
        context.description = view.summary
        context.languages = graph.config.languages.map { language in
            let (target, isTranslation) = graph.switchTarget(for: document, in: language.code)
            return LanguageLinkView(
                code: language.code, tag: language.tag, name: language.name, url: links.url(target),
                isCurrent: language.code == document.language,
                missingNote: isTranslation ? nil : context.strings["translation_unavailable"])
        }
        context.alternates = alternates(graph.translations(of: document).routes)
        return context
    }

    /// The context of a generated page that exists in every language (an issue, an author, an
    /// index): the switcher and the hreflang cluster lead to its twin in each language.
    func context(forGenerated route: Route, language: String, routes: (String) -> Route) -> PageContext {
        var context = base(language: language, route: route)
        var twins: [String: Route] = [:]
        for language in graph.config.languages { twins[language.code] = routes(language.code) }
        context.languages = context.languages.map {
            var link = $0
            link.url = links.url(twins[$0.code] ?? graph.homeRoute(for: $0.code))
            return link
        }
        context.alternates = alternates(twins)
        return context
    }

    /// The context of a generated page (home, language chooser, 404) in `language`.
    func context(forGenerated route: Route, language: String, clustered: Bool) -> PageContext {
        var context = base(language: language, route: route)
        if route == SiteGraph.notFoundRoute {
            context.languages = context.languages.map {
                var link = $0
                link.words = strings[$0.code].values
                return link
            }
        }
        if clustered {
            var homes: [String: Route] = [:]
            for language in graph.config.languages { homes[language.code] = graph.homeRoute(for: language.code) }
            context.alternates = alternates(homes, xDefault: SiteGraph.rootRoute)
        }
        return context
    }

    private func base(language code: String, route: Route) -> PageContext {
        let language = graph.config.language(code) ?? Language(code: code)
        let title = graph.config.title(in: code)
        return PageContext(
            siteTitle: title,
            homeURL: links.url(graph.homeRoute(for: code)),
            rootURL: links.url(SiteGraph.rootRoute),
            feedURL: links.url(graph.feedRoute(for: code)),
            archiveURL: links.url(graph.issuesArchiveRoute(for: code)),
            authorsURL: links.url(graph.authorsIndexRoute(for: code)),
            language: language,
            strings: strings[code],
            documentTitle: title,
            description: graph.config.descriptions[code] ?? title,
            canonical: links.absoluteURL(route),
            stylesheet: links.basePath + "/" + (assets["css/duet.css"] ?? "css/duet.css"),
            document: nil,
            languages: graph.config.languages.map {
                LanguageLinkView(code: $0.code, tag: $0.tag, name: $0.name, url: links.url(graph.homeRoute(for: $0.code)),
                                 isCurrent: $0.code == code, missingNote: nil)
            },
            alternates: [],
            searchURL: links.url(graph.searchRoute(for: code)),
            combinedFeedURL: links.url(SiteGraph.combinedFeedRoute),
            origin: links.origin)
    }

    /// One alternate per existing version, in the configured language order, plus `x-default`:
    /// the default language's version when it exists, else the first that does.
    func alternates(_ routes: [String: Route], xDefault: Route? = nil) -> [AlternateView] {
        let existing = graph.config.languages.compactMap { language in
            routes[language.code].map { (language, $0) }
        }
        guard !existing.isEmpty else { return [] }
        var result = existing.map { AlternateView(hreflang: $0.0.tag, url: links.absoluteURL($0.1)) }
        let fallback = xDefault ?? routes[graph.config.defaultLanguage] ?? existing[0].1
        result.append(AlternateView(hreflang: "x-default", url: links.absoluteURL(fallback)))
        return result
    }
}
