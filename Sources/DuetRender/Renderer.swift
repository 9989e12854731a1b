import DuetModel

/// Site graph + theme -> output files. Pure: it never touches the file system; the build writes
/// what it returns. Every page is a job that builds its context and renders it, and the jobs run
/// on all cores (the theme is `Sendable` and parsed once; output order is the job order).
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

    private typealias Job = @Sendable () -> OutputFile

    public func render(_ graph: SiteGraph) -> ([OutputFile], [Diagnostic]) {
        let catalog = strings ?? StringsCatalog(byLanguage: Dictionary(uniqueKeysWithValues: graph.config.languages.map {
            ($0.code, Strings(values: (theme.strings[$0.code] ?? theme.strings[graph.config.defaultLanguage])?.values ?? [:],
                              locale: $0.tag))
        }))
        var factory = PageContextFactory(graph: graph, strings: catalog, links: SiteLinks(config: graph.config), assets: assets)
        let unCached = factory
        factory.listings = Dictionary(ParallelMap.map(graph.articles) { ($0.document.sourcePath, unCached.view(of: $0)) },
                                      uniquingKeysWith: { first, _ in first })
        let ready = factory
        var jobs: [Job] = []
        var diagnostics: [Diagnostic] = []

        func layout(for document: ParsedDocument, default fallback: String) -> String? {
            let name = document.layout ?? fallback
            if theme.layouts.contains(name) { return name }
            let known = theme.layouts.sorted().joined(separator: ", ")
            diagnostics.append(.error("unknown layout '\(name)' (the theme has: \(known))",
                                      at: document.location(of: "layout")))
            return nil
        }
        func add(_ route: Route, _ layout: String, _ context: @escaping @Sendable () -> PageContext) {
            jobs.append { [theme] in OutputFile(path: route.outputPath, contents: theme.render(context(), layout: layout)) }
        }

        for article in graph.articles {
            guard let name = layout(for: article.document, default: "post") else { continue }
            add(article.route, name) { ready.context(for: article) }
        }
        for page in graph.pages {
            guard let name = layout(for: page.document, default: "page") else { continue }
            add(page.route, name) { ready.context(for: page.document, route: page.route) }
        }
        for language in graph.config.languages.map(\.code) {
            let home = graph.homeRoute(for: language)
            add(home, "home") {
                var context = ready.context(forGenerated: home, language: language, clustered: true)
                context.currentIssue = graph.currentIssue.map { ready.issueView($0, language: language) }
                context.articles = graph.articles(in: language).prefix(6).map { ready.view(of: $0) }
                return context
            }
            publicationPages(language: language, factory: ready, add: add)
            jobs.append {
                let feed = AtomFeed(graph: graph, language: graph.config.language(language) ?? Language(code: language),
                                    strings: catalog[language], links: ready.links)
                return OutputFile(path: graph.feedRoute(for: language).outputPath, contents: feed.render())
            }
        }
        let defaultLanguage = graph.config.defaultLanguage
        add(SiteGraph.rootRoute, "root") {
            ready.context(forGenerated: SiteGraph.rootRoute, language: defaultLanguage, clustered: true)
        }
        add(SiteGraph.notFoundRoute, "404") {
            var notFound = ready.context(forGenerated: SiteGraph.notFoundRoute, language: defaultLanguage, clustered: false)
            notFound.documentTitle = notFound.strings["not_found_title"] + " · " + notFound.siteTitle
            return notFound
        }
        jobs += discoveryJobs(graph, links: ready.links, catalog: catalog).map { job in { job.make(ready) } }
        return (ParallelMap.map(jobs) { $0() }, diagnostics)
    }

    /// Issue pages, the archive, author pages and the author index of one language.
    private func publicationPages(language: String, factory: PageContextFactory,
                                  add: (Route, String, @escaping @Sendable () -> PageContext) -> Void) {
        let graph = factory.graph
        @Sendable func titled(_ context: PageContext, _ title: String) -> PageContext {
            var context = context
            context.documentTitle = "\(title) · \(context.siteTitle)"
            return context
        }
        let archive = graph.issuesArchiveRoute(for: language)
        add(archive, "issues") {
            var context = factory.context(forGenerated: archive, language: language, routes: { graph.issuesArchiveRoute(for: $0) })
            context.years = factory.archive(language: language)
            return titled(context, context.strings["issues"])
        }
        for issue in graph.issues {
            let route = graph.issueRoute(issue.id, language: language)
            add(route, "issue") {
                var context = factory.context(forGenerated: route, language: language, routes: { graph.issueRoute(issue.id, language: $0) })
                let view = factory.issueView(issue, language: language)
                context.issue = view
                return titled(context, view.link.title.map { "\($0) (\(view.link.label))" } ?? view.link.label)
            }
        }
        let index = graph.authorsIndexRoute(for: language)
        add(index, "authors") {
            var context = factory.context(forGenerated: index, language: language, routes: { graph.authorsIndexRoute(for: $0) })
            context.letters = factory.authorIndex(language: language)
            return titled(context, context.strings["authors"])
        }
        for author in graph.authors.values.sorted(by: { $0.id < $1.id }) {
            let route = graph.authorRoute(author.id, language: language)
            add(route, "author") {
                var context = factory.context(forGenerated: route, language: language, routes: { graph.authorRoute(author.id, language: $0) })
                let view = factory.authorView(author, language: language, detailed: true)
                context.author = view
                return titled(context, view.name)
            }
        }
    }
}
