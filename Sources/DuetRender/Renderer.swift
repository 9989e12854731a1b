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
        let (outputs, failures) = plan.renderAll()
        return (outputs.map(\.file), plan.diagnostics + failures)
    }

    /// The manifest of `graph`'s site. Paths are claimed in a fixed order (generated pages,
    /// documents, static files, then the rest), so a clash always names the same two claimants.
    public func plan(_ graph: SiteGraph, staticFiles: [CopiedFile] = []) -> SitePlan {
        let theme = self.theme
        let catalog = strings ?? StringsCatalog(byLanguage: Dictionary(uniqueKeysWithValues: graph.config.languages.map {
            ($0.code, Strings(values: (theme.strings[$0.code] ?? theme.strings[graph.config.defaultLanguage])?.values ?? [:],
                              locale: $0.tag))
        }))
        var factory = PageContextFactory(graph: graph, strings: catalog, links: SiteLinks(config: graph.config), assets: assets)
        let epubs = epubImages.map { IssueEpubs(graph: graph, strings: catalog, images: $0).outputs() } ?? []
        factory.downloads = Set(epubs.map(\.path))
        // Image bytes are a site-wide input of the build: a changed image renders every page again.
        factory.imageSizes = (epubImages ?? [:]).compactMapValues(ImageSize.init(data:))
        let (articles, pages) = (graph.articles, graph.pages)
        let perLanguage = (graph.issues.count + graph.authors.count + 12) * graph.config.languages.count
        var plan = SitePlan(factory: factory, capacity: articles.count * 5 + pages.count + staticFiles.count + epubs.count + perLanguage)
        let planned = PlannedGraph(graph)

        /// The layout `layout:` names, read from the document's front matter (the document
        /// itself is not copied out of the graph for it).
        func layout(in frontMatter: FrontMatter, of sourcePath: String, default fallback: String) -> String? {
            let name = frontMatter["layout"]?.scalarText ?? fallback
            if theme.layouts.contains(name) { return name }
            let known = theme.layouts.sorted().joined(separator: ", ")
            let location = frontMatter.entry("layout")?.location ?? SourceLocation(file: sourcePath)
            // Jekyll posts name their old theme's layouts (`default`, `single`): the page still
            // builds with the theme's own, and the author is told (an error with --strict).
            guard theme.layouts.contains(fallback) else {
                plan.report(.error("unknown layout '\(name)' (the theme has: \(known))", at: location))
                return nil
            }
            plan.report(.warning("unknown layout '\(name)' (the theme has: \(known)); using '\(fallback)'", at: location))
            return fallback
        }
        func page(_ route: Route, _ layout: String, by claimant: String, source: String? = nil, at location: SourceLocation? = nil,
                  _ context: @escaping @Sendable (PageContextFactory) -> PageContext) {
            plan.claim(PlannedOutput(path: route.outputPath, kind: .page, source: source, claimant: claimant, location: location) {
                OutputFile(path: route.outputPath, contents: theme.render(context($0), layout: layout))
            })
        }
        let codes = graph.config.languages.map(\.code)
        let defaultLanguage = graph.config.defaultLanguage
        let currentIssue = graph.currentIssue

        page(SiteGraph.rootRoute, "root", by: "the generated language chooser") {
            $0.context(forGenerated: SiteGraph.rootRoute, language: defaultLanguage, clustered: true)
        }
        page(SiteGraph.notFoundRoute, "404", by: "the generated 404 page") {
            var notFound = $0.context(forGenerated: SiteGraph.notFoundRoute, language: defaultLanguage, clustered: false)
            notFound.documentTitle = notFound.strings["not_found_title"] + " · " + notFound.siteTitle
            return notFound
        }
        for language in codes {
            let home = graph.homeRoute(for: language)
            page(home, "home", by: "the generated \(language) home page", source: currentIssue?.sourcePath) { factory in
                var context = factory.context(forGenerated: home, language: language, clustered: true)
                context.currentIssue = factory.graph.currentIssue.map { factory.issueView($0, language: language) }
                context.articles = factory.graph.articles(in: language).prefix(6).map { factory.view(of: $0) }
                return context
            }
            let feedRoute = graph.feedRoute(for: language)
            plan.claim(PlannedOutput(path: feedRoute.outputPath, kind: .feed, claimant: "the generated \(language) feed") { factory in
                let feed = AtomFeed(graph: factory.graph, language: graph.config.language(language) ?? Language(code: language),
                                    strings: factory.strings[language], links: factory.links)
                return OutputFile(path: feedRoute.outputPath, contents: feed.render())
            })
            let archive = graph.issuesArchiveRoute(for: language)
            page(archive, "issues", by: "the generated issue archive") { factory in
                var context = factory.context(forGenerated: archive, language: language, routes: { graph.issuesArchiveRoute(for: $0) })
                context.years = factory.archive(language: language)
                return Self.titled(context, context.strings["issues"])
            }
            let index = graph.authorsIndexRoute(for: language)
            page(index, "authors", by: "the generated author index") { factory in
                var context = factory.context(forGenerated: index, language: language, routes: { graph.authorsIndexRoute(for: $0) })
                context.letters = factory.authorIndex(language: language)
                return Self.titled(context, context.strings["authors"])
            }
        }

        // Each entry notes where its document sits and its path, not a copy of it: the document
        // is found again in the graph the plan renders with (`rendering(from:)`).
        for place in graph.sourceOrder {
            switch place {
            case .article(let index):
                let (path, frontMatter) = (articles[index].document.sourcePath, articles[index].document.frontMatter)
                guard let name = layout(in: frontMatter, of: path, default: "post") else { continue }
                page(articles[index].route, name, by: path, source: path, at: Self.permalinkLocation(in: frontMatter, of: path)) { factory in
                    factory.context(for: factory.graph.article(at: index, from: path) ?? planned.graph.article(at: index))
                }
            case .page(let index):
                let (path, frontMatter, route) = (pages[index].document.sourcePath, pages[index].document.frontMatter, pages[index].route)
                guard let name = layout(in: frontMatter, of: path, default: "page") else { continue }
                page(route, name, by: path, source: path, at: Self.permalinkLocation(in: frontMatter, of: path)) { factory in
                    factory.context(for: factory.graph.page(at: index, from: path)?.document ?? planned.graph.page(at: index).document,
                                    route: route)
                }
            }
        }
        citationFiles(graph, planned: planned, into: &plan)
        for file in staticFiles.sorted(by: { $0.source < $1.source }) {
            plan.claim(.copy(path: file.outputPath, source: file.source))
        }
        for language in codes { publicationPages(language: language, graph: graph, page: page) }
        discoveryOutputs(graph, planned: planned, links: factory.links, into: &plan)
        for output in epubs { plan.claim(output) }
        crossrefDeposits(graph, into: &plan)
        return plan
    }

    /// Where a duplicate-URL error about the document points: its `permalink:` line, or the file.
    private static func permalinkLocation(in frontMatter: FrontMatter, of sourcePath: String) -> SourceLocation {
        frontMatter.entry("permalink")?.location ?? SourceLocation(file: sourcePath)
    }

    static func titled(_ context: PageContext, _ title: String) -> PageContext {
        var context = context
        context.documentTitle = "\(title) · \(context.siteTitle)"
        return context
    }

    /// Issue pages and author pages of one language.
    private func publicationPages(
        language: String, graph: SiteGraph,
        page: (Route, String, String, String?, SourceLocation?, @escaping @Sendable (PageContextFactory) -> PageContext) -> Void
    ) {
        for issue in graph.issues {
            let route = graph.issueRoute(issue.id, language: language)
            page(route, "issue", "the generated issue page", issue.sourcePath, nil) { factory in
                var context = factory.context(forGenerated: route, language: language, routes: { graph.issueRoute(issue.id, language: $0) })
                let view = factory.issueView(issue, language: language)
                context.issue = view
                return Self.titled(context, view.link.title.map { "\($0) (\(view.link.label))" } ?? view.link.label)
            }
        }
        for author in graph.authors.values.sorted(by: { $0.id < $1.id }) {
            let route = graph.authorRoute(author.id, language: language)
            page(route, "author", "the generated author page", author.sourcePath, nil) { factory in
                var context = factory.context(forGenerated: route, language: language, routes: { graph.authorRoute(author.id, language: $0) })
                let view = factory.authorView(author, language: language, detailed: true)
                context.author = view
                return Self.titled(context, view.name)
            }
        }
    }
}
