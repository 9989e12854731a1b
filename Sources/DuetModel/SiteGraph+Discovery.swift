/// Where the outputs that help readers and crawlers find pages live: search, the parallel reading
/// view, the per-language 404 pages, the sitemap, robots.txt and the bilingual feed.
extension SiteGraph {
    /// The search page of one language: `/en/search/`.
    public func searchRoute(for language: String) -> Route { Route(checkedPath: "/\(language)/search/") }
    /// The search index the search page loads: `/en/search.json`.
    public func searchIndexRoute(for language: String) -> Route { Route(checkedPath: "/\(language)/search.json") }
    /// The not-found page in one language: `/en/404.html`.
    public func notFoundRoute(for language: String) -> Route { Route(checkedPath: "/\(language)/404.html") }

    public static let sitemapRoute = Route(checkedPath: "/sitemap.xml")
    public static let robotsRoute = Route(checkedPath: "/robots.txt")
    /// Every language's articles in one Atom feed: `/feed.xml`.
    public static let combinedFeedRoute = Route(checkedPath: "/feed.xml")

    /// The article's URL + `parallel/`; nil when the article's URL is a file (`/en/x.html`), which
    /// has no folder to hold a second page.
    public func parallelRoute(of article: Article) -> Route? {
        parallelRoute(of: article.route)
    }

    /// `parallelRoute(of:)` for the article at `route`.
    public func parallelRoute(of route: Route) -> Route? {
        route.isFolder ? Route(checkedPath: route.path + "parallel/") : nil
    }

    /// The language an article is read beside: the default language's version, or, for an article
    /// in the default language, the first other language (in `site.yml` order) that has a version.
    public func parallelPartnerLanguage(of document: ParsedDocument) -> String? {
        parallelPartnerLanguage(of: document.language, among: translations(of: document).routes)
    }

    /// `parallelPartnerLanguage(of:)` for a version in `language` of the set whose routes are `versions`.
    public func parallelPartnerLanguage(of language: String, among versions: [String: Route]) -> String? {
        if language != config.defaultLanguage, versions[config.defaultLanguage] != nil {
            return config.defaultLanguage
        }
        return config.languages.first { $0.code != language && versions[$0.code] != nil }?.code
    }

    /// The articles' places in the graph's list, one list per translation set, each in graph
    /// order and ordered by its first: what a walk over the articles that skips the sets it has
    /// seen meets. Not recorded: the manifest is planned again on every build.
    public var translationGroups: [[Int]] {
        articleVersions.values.sorted { $0[0] < $1[0] }
    }
}

extension SiteGraph {
    /// Whether any article of the issue has a DOI: what decides that the issue gets a Crossref
    /// deposit. Not recorded: the manifest is planned again on every build.
    public func hasRegisteredArticles(in issueID: String) -> Bool {
        allArticles.contains { $0.issueID == issueID && $0.doi != nil }
    }
}
