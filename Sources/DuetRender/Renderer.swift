import DuetModel

/// Site graph + theme -> output files. Pure: it never touches the file system; the build writes
/// what it returns. Pages render in parallel (the theme is `Sendable` and parsed once).
public struct Renderer: Sendable {
    public var theme: Theme
    public var strings: StringsCatalog?
    /// Asset paths as the theme names them -> as written (fingerprinted): `css/duet.css` -> `css/duet.3f2a9c1b.css`.
    public var assets: [String: String]

    public init(theme: Theme, strings: StringsCatalog? = nil, assets: [String: String] = [:]) {
        self.theme = theme
        self.strings = strings
        self.assets = assets
    }

    /// Issue pages, the archive, author pages and the author index of one language.
    private func publicationPages(language: String, factory: PageContextFactory) -> [@Sendable () -> OutputFile] {
        let graph = factory.graph
        var jobs: [@Sendable () -> OutputFile] = []
        func add(_ route: Route, _ layout: String, _ context: PageContext) {
            jobs.append { [theme] in OutputFile(path: route.outputPath, contents: theme.render(context, layout: layout)) }
        }
        func titled(_ context: PageContext, _ title: String) -> PageContext {
            var context = context
            context.documentTitle = "\(title) · \(context.siteTitle)"
            return context
        }
        let archiveRoute = graph.issuesArchiveRoute(for: language)
        var archive = factory.context(forGenerated: archiveRoute, language: language, routes: { graph.issuesArchiveRoute(for: $0) })
        archive.years = factory.archive(language: language)
        add(archiveRoute, "issues", titled(archive, archive.strings["issues"]))
        for issue in graph.issues {
            let route = graph.issueRoute(issue.id, language: language)
            var context = factory.context(forGenerated: route, language: language, routes: { graph.issueRoute(issue.id, language: $0) })
            let view = factory.issueView(issue, language: language)
            context.issue = view
            add(route, "issue", titled(context, view.link.title.map { "\($0) (\(view.link.label))" } ?? view.link.label))
        }
        let indexRoute = graph.authorsIndexRoute(for: language)
        var index = factory.context(forGenerated: indexRoute, language: language, routes: { graph.authorsIndexRoute(for: $0) })
        index.letters = factory.authorIndex(language: language)
        add(indexRoute, "authors", titled(index, index.strings["authors"]))
        for author in graph.authors.values.sorted(by: { $0.id < $1.id }) {
            let route = graph.authorRoute(author.id, language: language)
            var context = factory.context(forGenerated: route, language: language, routes: { graph.authorRoute(author.id, language: $0) })
            let view = factory.authorView(author, language: language, detailed: true)
            context.author = view
            add(route, "author", titled(context, view.name))
        }
        return jobs
    }

    public func render(_ graph: SiteGraph) -> ([OutputFile], [Diagnostic]) {
        let catalog = strings ?? StringsCatalog(byLanguage: Dictionary(uniqueKeysWithValues: graph.config.languages.map {
            ($0.code, Strings(values: (theme.strings[$0.code] ?? theme.strings[graph.config.defaultLanguage])?.values ?? [:],
                              locale: $0.tag))
        }))
        var factory = PageContextFactory(graph: graph, strings: catalog, links: SiteLinks(config: graph.config), assets: assets)
        let unCached = factory
        factory.listings = Dictionary(ParallelMap.map(graph.articles) { ($0.document.sourcePath, unCached.view(of: $0)) },
                                      uniquingKeysWith: { first, _ in first })
        var jobs: [@Sendable () -> OutputFile] = []
        var diagnostics: [Diagnostic] = []

        func layout(for document: ParsedDocument, default fallback: String) -> String? {
            let name = document.layout ?? fallback
            if theme.layouts.contains(name) { return name }
            let known = theme.layouts.sorted().joined(separator: ", ")
            diagnostics.append(.error("unknown layout '\(name)' (the theme has: \(known))",
                                      at: document.location(of: "layout")))
            return nil
        }
        func add(_ route: Route, _ layout: String, _ context: PageContext) {
            jobs.append { [theme] in OutputFile(path: route.outputPath, contents: theme.render(context, layout: layout)) }
        }

        for article in graph.articles {
            guard let name = layout(for: article.document, default: "post") else { continue }
            add(article.route, name, factory.context(for: article))
        }
        for page in graph.pages {
            guard let name = layout(for: page.document, default: "page") else { continue }
            add(page.route, name, factory.context(for: page.document, route: page.route))
        }
        for language in graph.config.languages {
            let route = graph.homeRoute(for: language.code)
            var context = factory.context(forGenerated: route, language: language.code, clustered: true)
            context.currentIssue = graph.currentIssue.map { factory.issueView($0, language: language.code) }
            context.articles = graph.articles(in: language.code).prefix(6).map { factory.view(of: $0) }
            add(route, "home", context)
            jobs += publicationPages(language: language.code, factory: factory)
            let feed = AtomFeed(graph: graph, language: language, strings: catalog[language.code], links: factory.links)
            jobs.append { OutputFile(path: graph.feedRoute(for: language.code).outputPath, contents: feed.render()) }
        }
        let defaultLanguage = graph.config.defaultLanguage
        add(SiteGraph.rootRoute, "root", factory.context(forGenerated: SiteGraph.rootRoute, language: defaultLanguage, clustered: true))
        var notFound = factory.context(forGenerated: SiteGraph.notFoundRoute, language: defaultLanguage, clustered: false)
        notFound.documentTitle = notFound.strings["not_found_title"] + " · " + notFound.siteTitle
        add(SiteGraph.notFoundRoute, "404", notFound)

        return (ParallelMap.map(jobs) { $0() }, diagnostics)
    }
}
