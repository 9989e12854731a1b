import DuetModel

/// Site graph + theme -> output files. Pure: it never touches the file system; the build writes
/// what it returns. Pages render in parallel (the theme is `Sendable` and parsed once).
public struct Renderer: Sendable {
    public var theme: Theme
    public var strings: StringsCatalog?

    public init(theme: Theme, strings: StringsCatalog? = nil) {
        self.theme = theme
        self.strings = strings
    }

    public func render(_ graph: SiteGraph) -> ([OutputFile], [Diagnostic]) {
        let catalog = strings ?? StringsCatalog(byLanguage: Dictionary(uniqueKeysWithValues: graph.config.languages.map {
            ($0.code, Strings(values: (theme.strings[$0.code] ?? theme.strings[graph.config.defaultLanguage])?.values ?? [:],
                              locale: $0.tag))
        }))
        let factory = PageContextFactory(graph: graph, strings: catalog, links: SiteLinks(config: graph.config))
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

        let documents = graph.articles.map { ($0.document, $0.route, "post") } + graph.pages.map { ($0.document, $0.route, "page") }
        for (document, route, fallback) in documents {
            guard let name = layout(for: document, default: fallback) else { continue }
            add(route, name, factory.context(for: document, route: route))
        }
        for language in graph.config.languages {
            let route = graph.homeRoute(for: language.code)
            var context = factory.context(forGenerated: route, language: language.code, clustered: true)
            context.articles = graph.articles(in: language.code).map { factory.view(of: $0.document, route: $0.route) }
            add(route, "home", context)
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
