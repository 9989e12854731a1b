import DuetModel

/// The outputs that help readers and crawlers find their way: search pages and their indexes,
/// the parallel reading view of translated articles, the per-language 404 pages, the bilingual
/// feed, `sitemap.xml` and `robots.txt`. Each is a pure function of the site graph, rendered as
/// a job beside the pages.
extension Renderer {
    func discoveryOutputs(_ graph: SiteGraph, planned: PlannedGraph, links: SiteLinks, into plan: inout SitePlan) {
        let theme = self.theme
        let codes = graph.config.languages.map(\.code)
        /// Pages of a layout the theme lacks are left out (a theme of its own need not offer them).
        func page(_ route: Route, _ layout: String, _ claimant: PlannedOutput.Claimant,
                  _ context: @escaping @Sendable (PageContextFactory) -> PageContext) -> Bool {
            guard theme.layouts.contains(layout) else { return false }
            plan.claim(PlannedOutput(path: route.outputPath, kind: .page, claimant: claimant) {
                OutputFile(path: route.outputPath, contents: theme.render(context($0), layout: layout))
            })
            return true
        }
        func file(_ route: Route, _ kind: PlannedOutput.Kind, _ claimant: String,
                  _ contents: @escaping @Sendable (PageContextFactory) -> String) {
            plan.claim(PlannedOutput(path: route.outputPath, kind: kind, claimant: claimant) {
                OutputFile(path: route.outputPath, contents: contents($0))
            })
        }

        var clusters: [Sitemap.Cluster] = []
        let script = assets["js/search.js"] ?? "js/search.js"
        var searchPages: [String: Route] = [:]
        for language in codes {
            let route = graph.searchRoute(for: language)
            if page(route, "search", .text("the generated search page"), { $0.searchContext(language: language, script: script) }) {
                searchPages[language] = route
                let path = graph.searchIndexRoute(for: language).outputPath
                plan.claim(PlannedOutput(path: path, kind: .searchIndex, claimant: "the generated search index", make: { factory in
                    OutputFile(path: path, data: factory.searchIndex(language: language).jsonBytes())
                }))
            }
            _ = page(graph.notFoundRoute(for: language), "404", .text("the generated 404 page")) { $0.notFoundContext(language: language) }
        }
        if !searchPages.isEmpty { clusters.append(.init(routes: searchPages)) }

        if theme.layouts.contains("parallel") {
            // By places in the graph's list, set by set: each version and its partner are found in
            // the set itself, and each entry notes places and paths, not copies of the articles.
            let articles = graph.articles
            for group in graph.translationGroups {
                let routes = graph.translations(of: articles[group[0]].document).routes
                /// The set's version in `language`, when the graph holds the article at its route.
                func member(in language: String) -> Int? {
                    guard let route = routes[language] else { return nil }
                    return group.first { articles[$0].document.language == language && articles[$0].route == route }
                }
                var pairs: [(code: String, article: Int, partner: Int, route: Route)] = []
                var twinRoutes: [String: Route] = [:]
                for code in routes.keys {
                    guard let version = member(in: code), let route = graph.parallelRoute(of: articles[version].route),
                          let partnerCode = graph.parallelPartnerLanguage(of: code, among: routes),
                          let partner = member(in: partnerCode) else { continue }
                    pairs.append((code, version, partner, route))
                    twinRoutes[code] = route
                }
                let twins = twinRoutes
                pairs.sort { $0.code < $1.code }
                for (_, version, partner, route) in pairs {
                    let (path, partnerPath) = (articles[version].document.sourcePath, articles[partner].document.sourcePath)
                    _ = page(route, "parallel", .file("parallel view", of: path)) {
                        $0.parallelContext(for: $0.graph.article(at: version, from: path) ?? planned.graph.article(at: version),
                                           partner: $0.graph.article(at: partner, from: partnerPath) ?? planned.graph.article(at: partner),
                                           route: route, twins: twins)
                    }
                }
                if !twins.isEmpty { clusters.append(.init(routes: twins)) }
            }
        }

        let defaultLanguage = graph.config.defaultLanguage
        file(SiteGraph.combinedFeedRoute, .feed, "the generated bilingual feed") {
            CombinedAtomFeed(graph: $0.graph, links: $0.links, strings: $0.strings[defaultLanguage]).render()
        }
        // A sitemap lists absolute URLs only: without a base URL there is none to give.
        let sitemap = links.absoluteBase.isEmpty ? nil : links.absoluteURL(SiteGraph.sitemapRoute)
        file(SiteGraph.robotsRoute, .robots, "the generated robots.txt") { _ in Sitemap.robots(sitemapURL: sitemap) }
        if sitemap != nil {
            // The search and parallel clusters follow from the routes `pageClusters` reads (and records).
            let discovered = clusters
            file(SiteGraph.sitemapRoute, .sitemap, "the generated sitemap") { factory in
                Sitemap(clusters: discovered + Self.pageClusters(factory.graph), languages: factory.graph.config.languages,
                        defaultLanguage: defaultLanguage, links: factory.links,
                        lastModified: Self.lastModified(factory.graph)).render()
            }
        }
    }

    /// Each dated document's last change, by route path, for the sitemap's `<lastmod>`.
    private static func lastModified(_ graph: SiteGraph) -> [String: String] {
        var dates: [String: String] = [:]
        func add(_ document: ParsedDocument, at route: Route) {
            if let date = document.lastModified ?? document.date { dates[route.path] = date.iso8601 }
        }
        for article in graph.articles { add(article.document, at: article.route) }
        for page in graph.pages { add(page.document, at: page.route) }
        return dates
    }

    /// The pages every build writes, grouped with their versions in the other languages.
    private static func pageClusters(_ graph: SiteGraph) -> [Sitemap.Cluster] {
        let codes = graph.config.languages.map(\.code)
        func everyLanguage(_ route: (String) -> Route) -> [String: Route] {
            Dictionary(uniqueKeysWithValues: codes.map { ($0, route($0)) })
        }
        var clusters: [Sitemap.Cluster] = [
            .init(routes: everyLanguage(graph.homeRoute), xDefault: SiteGraph.rootRoute, extra: SiteGraph.rootRoute),
            .init(routes: everyLanguage(graph.issuesArchiveRoute)),
            .init(routes: everyLanguage(graph.authorsIndexRoute)),
        ]
        clusters += graph.issues.map { issue in .init(routes: everyLanguage { graph.issueRoute(issue.id, language: $0) }) }
        clusters += graph.authors.keys.sorted().map { id in .init(routes: everyLanguage { graph.authorRoute(id, language: $0) }) }
        var seen: Set<TranslationSet.ID> = []
        func add(_ document: ParsedDocument) {
            if seen.insert(document.translationID).inserted { clusters.append(.init(routes: graph.translations(of: document).routes)) }
        }
        for article in graph.articles { add(article.document) }
        for page in graph.pages { add(page.document) }
        return clusters
    }
}
