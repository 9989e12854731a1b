import DuetModel
import Foundation

/// Site graph + theme -> output files. Pure: it never touches the file system; the build writes
/// what it returns. Every page is a job that builds its context and renders it, and the jobs run
/// on all cores (the theme is `Sendable` and parsed once; output order is the job order). Each job
/// names the documents it shows, so an incremental build can skip the pages a change did not touch.
public struct Renderer: Sendable {
    public var theme: Theme
    public var strings: StringsCatalog?
    /// Asset paths as the theme names them -> as written (fingerprinted): `css/duet.css` -> `css/duet.3f2a9c1b.css`.
    public var assets: [String: String]
    /// Site path (`/images/issues/2025-q1.svg`) -> bytes of the images the issues' EPUBs embed,
    /// read by the build beforehand; nil makes no EPUBs.
    public var epubImages: [String: Data]?

    public init(theme: Theme, strings: StringsCatalog? = nil, assets: [String: String] = [:]) {
        self.theme = theme
        self.strings = strings
        self.assets = assets
    }

    /// Every page, rendered.
    public func render(_ graph: SiteGraph) -> ([OutputFile], [Diagnostic]) {
        let plan = plan(graph)
        let (files, failures) = plan.renderAll()
        return (files, plan.diagnostics + failures)
    }

    public func plan(_ graph: SiteGraph) -> RenderPlan {
        let catalog = strings ?? StringsCatalog(byLanguage: Dictionary(uniqueKeysWithValues: graph.config.languages.map {
            ($0.code, Strings(values: (theme.strings[$0.code] ?? theme.strings[graph.config.defaultLanguage])?.values ?? [:],
                              locale: $0.tag))
        }))
        var factory = PageContextFactory(graph: graph, strings: catalog, links: SiteLinks(config: graph.config), assets: assets)
        var jobs: [PageJob] = []
        if let epubImages {
            let epubs = IssueEpubs(graph: graph, strings: catalog, images: epubImages)
            jobs += epubs.jobs()
            factory.downloads = Set(jobs.map(\.path))
        }
        var diagnostics: [Diagnostic] = []

        func layout(for document: ParsedDocument, default fallback: String) -> String? {
            let name = document.layout ?? fallback
            if theme.layouts.contains(name) { return name }
            let known = theme.layouts.sorted().joined(separator: ", ")
            // Jekyll posts name their old theme's layouts (`default`, `single`): the page still
            // builds with the theme's own, and the author is told (an error with --strict).
            guard theme.layouts.contains(fallback) else {
                diagnostics.append(.error("unknown layout '\(name)' (the theme has: \(known))", at: document.location(of: "layout")))
                return nil
            }
            diagnostics.append(.warning("unknown layout '\(name)' (the theme has: \(known)); using '\(fallback)'",
                                        at: document.location(of: "layout")))
            return fallback
        }
        func add(_ route: Route, _ layout: String, shows whole: [String] = [], lists listed: [String],
                 _ context: @escaping @Sendable (PageContextFactory) -> PageContext) {
            jobs.append(PageJob(path: route.outputPath, dependencies: .documents(whole: whole, listed: listed)) { [theme] factory in
                OutputFile(path: route.outputPath, contents: theme.render(context(factory), layout: layout))
            })
        }
        func translations(of document: ParsedDocument) -> [String] {
            graph.translationSources(of: document).filter { $0 != document.sourcePath }
        }

        for article in graph.articles {
            guard let name = layout(for: article.document, default: "post") else { continue }
            add(article.route, name, shows: [article.document.sourcePath], lists: translations(of: article.document)) {
                $0.context(for: article)
            }
        }
        for page in graph.pages {
            guard let name = layout(for: page.document, default: "page") else { continue }
            add(page.route, name, shows: [page.document.sourcePath], lists: translations(of: page.document)) {
                $0.context(for: page.document, route: page.route)
            }
        }
        for language in graph.config.languages.map(\.code) {
            let home = graph.homeRoute(for: language)
            let latest = graph.articles(in: language).prefix(6)
            let current = graph.currentIssue.map { graph.tableOfContents($0.id, language: language).flatMap(\.articles) } ?? []
            add(home, "home", lists: (current + latest).map(\.document.sourcePath)) { factory in
                var context = factory.context(forGenerated: home, language: language, clustered: true)
                context.currentIssue = graph.currentIssue.map { factory.issueView($0, language: language) }
                context.articles = latest.map { factory.view(of: $0) }
                return context
            }
            publicationPages(language: language, graph: graph, add: add)
            let feedRoute = graph.feedRoute(for: language)
            let entries = graph.articles(in: language).prefix(AtomFeed.entryLimit).map(\.document.sourcePath)
            jobs.append(PageJob(path: feedRoute.outputPath, dependencies: .documents(whole: Array(entries), listed: [])) { factory in
                let feed = AtomFeed(graph: graph, language: graph.config.language(language) ?? Language(code: language),
                                    strings: catalog[language], links: factory.links)
                return OutputFile(path: feedRoute.outputPath, contents: feed.render())
            })
        }
        let defaultLanguage = graph.config.defaultLanguage
        add(SiteGraph.rootRoute, "root", lists: []) {
            $0.context(forGenerated: SiteGraph.rootRoute, language: defaultLanguage, clustered: true)
        }
        add(SiteGraph.notFoundRoute, "404", lists: []) {
            var notFound = $0.context(forGenerated: SiteGraph.notFoundRoute, language: defaultLanguage, clustered: false)
            notFound.documentTitle = notFound.strings["not_found_title"] + " · " + notFound.siteTitle
            return notFound
        }
        jobs += discoveryJobs(graph, links: factory.links, catalog: catalog)
        return RenderPlan(jobs: jobs, diagnostics: diagnostics, factory: factory)
    }

    /// Issue pages, the archive, author pages and the author index of one language.
    private func publicationPages(
        language: String, graph: SiteGraph,
        add: (Route, String, [String], [String], @escaping @Sendable (PageContextFactory) -> PageContext) -> Void
    ) {
        @Sendable func titled(_ context: PageContext, _ title: String) -> PageContext {
            var context = context
            context.documentTitle = "\(title) · \(context.siteTitle)"
            return context
        }
        let archive = graph.issuesArchiveRoute(for: language)
        add(archive, "issues", [], []) { factory in
            var context = factory.context(forGenerated: archive, language: language, routes: { graph.issuesArchiveRoute(for: $0) })
            context.years = factory.archive(language: language)
            return titled(context, context.strings["issues"])
        }
        for issue in graph.issues {
            let route = graph.issueRoute(issue.id, language: language)
            let contents = graph.tableOfContents(issue.id, language: language).flatMap(\.articles).map(\.document.sourcePath)
            add(route, "issue", [], contents) { factory in
                var context = factory.context(forGenerated: route, language: language, routes: { graph.issueRoute(issue.id, language: $0) })
                let view = factory.issueView(issue, language: language)
                context.issue = view
                return titled(context, view.link.title.map { "\($0) (\(view.link.label))" } ?? view.link.label)
            }
        }
        let index = graph.authorsIndexRoute(for: language)
        add(index, "authors", [], []) { factory in
            var context = factory.context(forGenerated: index, language: language, routes: { graph.authorsIndexRoute(for: $0) })
            context.letters = factory.authorIndex(language: language)
            return titled(context, context.strings["authors"])
        }
        for author in graph.authors.values.sorted(by: { $0.id < $1.id }) {
            let route = graph.authorRoute(author.id, language: language)
            add(route, "author", [], graph.articles(by: author.id).map(\.document.sourcePath)) { factory in
                var context = factory.context(forGenerated: route, language: language, routes: { graph.authorRoute(author.id, language: $0) })
                let view = factory.authorView(author, language: language, detailed: true)
                context.author = view
                return titled(context, view.name)
            }
        }
    }
}
