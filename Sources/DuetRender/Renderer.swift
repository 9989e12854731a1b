import DuetModel

/// Site graph + theme -> output files. Pure: it never touches the file system; the build writes
/// what it returns. Pages render in parallel (the theme is `Sendable` and parsed once).
public struct Renderer: Sendable {
    public var theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    public func render(_ graph: SiteGraph) -> ([OutputFile], [Diagnostic]) {
        var jobs: [@Sendable () -> OutputFile] = []
        var diagnostics: [Diagnostic] = []
        let site = SiteLinks(config: graph.config)

        func layout(for document: ParsedDocument, default fallback: String) -> String? {
            let name = document.layout ?? fallback
            if theme.layouts.contains(name) { return name }
            let known = theme.layouts.sorted().joined(separator: ", ")
            diagnostics.append(.error("unknown layout '\(name)' (the theme has: \(known))",
                                      at: document.location(of: "layout")))
            return nil
        }

        for article in graph.articles {
            guard let name = layout(for: article.document, default: "post") else { continue }
            let context = context(for: article.document.language, graph: graph, site: site,
                                  document: site.view(of: article.document, route: article.route, strings: strings(article.document.language, graph)),
                                  route: article.route)
            jobs.append { [theme] in OutputFile(path: article.route.outputPath, contents: theme.render(context, layout: name)) }
        }
        for page in graph.pages {
            guard let name = layout(for: page.document, default: "page") else { continue }
            let context = context(for: page.document.language, graph: graph, site: site,
                                  document: site.view(of: page.document, route: page.route, strings: strings(page.document.language, graph)),
                                  route: page.route)
            jobs.append { [theme] in OutputFile(path: page.route.outputPath, contents: theme.render(context, layout: name)) }
        }
        for language in graph.config.languages {
            let route = graph.homeRoute(for: language.code)
            var context = context(for: language.code, graph: graph, site: site, document: nil, route: route)
            context.articles = graph.articles(in: language.code).map {
                site.view(of: $0.document, route: $0.route, strings: context.strings)
            }
            context.alternates = context.languages
            jobs.append { [theme, context] in OutputFile(path: route.outputPath, contents: theme.render(context, layout: "home")) }
        }
        let defaultLanguage = graph.config.defaultLanguage
        var root = context(for: defaultLanguage, graph: graph, site: site, document: nil, route: SiteGraph.rootRoute)
        root.alternates = root.languages
        jobs.append { [theme, root] in OutputFile(path: SiteGraph.rootRoute.outputPath, contents: theme.render(root, layout: "root")) }
        var notFound = context(for: defaultLanguage, graph: graph, site: site, document: nil, route: SiteGraph.notFoundRoute)
        notFound.documentTitle = notFound.strings["not_found_title"] + " · " + notFound.siteTitle
        jobs.append { [theme, notFound] in OutputFile(path: SiteGraph.notFoundRoute.outputPath, contents: theme.render(notFound, layout: "404")) }

        return (ParallelMap.map(jobs) { $0() }, diagnostics)
    }

    private func strings(_ language: String, _ graph: SiteGraph) -> Strings {
        theme.strings[language] ?? theme.strings[graph.config.defaultLanguage] ?? Strings(values: [:])
    }

    private func context(for code: String, graph: SiteGraph, site: SiteLinks, document: DocumentView?, route: Route) -> PageContext {
        let language = graph.config.language(code) ?? Language(code: code)
        let title = graph.config.title(in: code)
        return PageContext(
            siteTitle: title,
            homeURL: site.url(graph.homeRoute(for: code)),
            rootURL: site.url(SiteGraph.rootRoute),
            language: language,
            strings: strings(code, graph),
            documentTitle: document.map { "\($0.title) · \(title)" } ?? title,
            description: document?.description ?? graph.config.descriptions[code] ?? title,
            canonical: site.absoluteURL(route),
            stylesheet: site.basePath + "/css/duet.css",
            document: document,
            articles: [],
            languages: graph.config.languages.map {
                LanguageLinkView(code: $0.code, tag: $0.tag, name: $0.name, url: site.url(graph.homeRoute(for: $0.code)),
                                 isCurrent: $0.code == code)
            },
            alternates: [])
    }
}
