/// Turns parsed documents into the site graph: chooses what is published, gives every document
/// its route, and reports every problem at once (unknown language, missing date, a permalink that
/// leaves the site, two sources for one URL).
public struct SiteGraphBuilder: Sendable {
    public var config: SiteConfig
    public var selection: ContentSelection

    public init(config: SiteConfig, selection: ContentSelection) {
        self.config = config
        self.selection = selection
    }

    public func build(documents: [ParsedDocument], issues records: [IssueRecord] = [],
                      authors registry: [Author] = []) -> (SiteGraph, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var catalog = IssueCatalog(records: records, firstYear: config.firstYear)
        var directory = AuthorDirectory(registry: registry)
        var articles: [Article] = []
        var pages: [Page] = []
        // Two documents on one URL: the first keeps it, so translations pair up consistently. Every
        // other clash (with a generated page or a static file) is the plan's to find: it alone
        // knows every output.
        var claims = RouteClaims(capacity: documents.count)
        var pairing = TranslationPairing(capacity: documents.count)

        let ordered = Self.sorted(documents, by: \.sourcePath)
        // Reading each byline's names is pure and a tenth of this loop's work: done on every core first.
        let written = ParallelMap.map(ordered) { $0.kind == .post ? AuthorDirectory.writtenByline(of: $0) : ([], false) }
        for (index, document) in ordered.enumerated() {
            guard selection.verdict(for: document) == .published else { continue }
            guard config.language(document.language) != nil else {
                let known = config.languages.map(\.code).joined(separator: ", ")
                diagnostics.append(.error("language '\(document.language)' is not declared in site.yml (declared: \(known))",
                                          at: document.location(of: "lang")))
                continue
            }
            if document.kind == .post, document.date == nil {
                diagnostics.append(.error("post has no date: name the file YYYY-MM-DD-slug.md or add a 'date:' key",
                                          at: document.location(of: "date")))
                continue
            }
            var issueID = ""
            if document.kind == .post {
                switch catalog.issueID(for: document) {
                case .success(let id):
                    issueID = id
                    if let first = config.firstYear, let year = Issue.quarterKey(id)?.year, year < first {
                        diagnostics.append(.warning("post falls in \(year), before first_year \(first) in site.yml: its issue has no "
                            + "volume number and is named by its quarter (set first_year: \(year), or give the post an issue: key)",
                            at: document.frontMatter.entry("date")?.location ?? SourceLocation(file: document.sourcePath, line: 1, column: 1)))
                    }
                case .failure(let error):
                    diagnostics += error.diagnostics
                    continue
                }
            }
            let route: Route
            do {
                route = try Route.validated(permalink(for: document, issue: issueID))
            } catch {
                diagnostics.append(.error(error.description, at: document.location(of: "permalink")))
                continue
            }
            let location = document.frontMatter.entry("permalink")?.location ?? SourceLocation(file: document.sourcePath)
            if let clash = claims.claim(route.outputPath, by: document.sourcePath, at: location) {
                diagnostics.append(clash)
                continue
            }
            guard pairing.add(document, at: index, route: route) else { continue }
            switch document.kind {
            case .post:
                // What a normal build would say of it: a preview shows drafts and future posts, marked.
                let state = ContentSelection(now: selection.now).verdict(for: document)
                articles.append(Article(document: document, route: route, issueID: issueID,
                                        byline: directory.byline(of: document, written: written[index]), previewState: state))
            case .page: pages.append(Page(document: document, route: route))
            }
        }

        pairing.checkAgreement(languageOrder: config.languages.map(\.code), documents: ordered)
        diagnostics += pairing.diagnostics + directory.diagnostics
        if config.requireTranslations {
            diagnostics += TranslationCoverage.warnings(for: articles.map(\.document) + pages.map(\.document),
                                                        languages: config.languages.map(\.code))
        }
        let issues = catalog.issues()
        diagnostics += assignRegistration(to: &articles, issues: issues)
        // Both lists were made in source-path order: where each item went is that order, for free.
        let articleOrder = Self.newestFirst(articles)
        articles = articleOrder.map { articles[$0] }
        let pageKeys = pages.map { ($0.document.language, $0.route.path) }
        let pageOrder = pageKeys.indices.sorted { pageKeys[$0] < pageKeys[$1] }
        pages = pageOrder.map { pages[$0] }
        let sourceOrder = Self.merged(articles: Self.inverse(articleOrder), pages: Self.inverse(pageOrder),
                                      articlePaths: articles.map(\.document.sourcePath), pagePaths: pages.map(\.document.sourcePath))
        return (SiteGraph(config: config, articles: articles, pages: pages, translations: pairing.sets,
                          issues: issues, authors: directory.authors, sourceOrder: sourceOrder), diagnostics)
    }

    /// Where each position of `order` went: `inverse(order)[order[k]] == k`.
    private static func inverse(_ order: [Int]) -> [Int] {
        var places = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { places[index] = position }
        return places
    }

    /// The articles' and the pages' places, each list in source-path order, merged into one.
    private static func merged(articles: [Int], pages: [Int], articlePaths: [String], pagePaths: [String]) -> [SiteGraph.Place] {
        var merged: [SiteGraph.Place] = []
        merged.reserveCapacity(articles.count + pages.count)
        var (a, p) = (0, 0)
        while a < articles.count || p < pages.count {
            if p == pages.count || (a < articles.count && !(pagePaths[pages[p]] < articlePaths[articles[a]])) {
                merged.append(.article(articles[a]))
                a += 1
            } else {
                merged.append(.page(pages[p]))
                p += 1
            }
        }
        return merged
    }

    private func permalink(for document: ParsedDocument, issue: String) -> String {
        let pattern = document.text("permalink")
            ?? (document.kind == .post ? config.permalink : config.pagePermalink)
        return PermalinkPattern(pattern).expand(for: document, issue: issue)
    }

    /// The positions of `articles`, newest first; ties broken by title, then source path.
    static func newestFirst(_ articles: [Article]) -> [Int] {
        let keys = articles.map { ($0.document.storedMetaValue.date?.secondsSinceEpoch ?? 0, $0.document.storedMetaValue.title) }
        let order = articles.indices.sorted { a, b in
            if keys[a].0 != keys[b].0 { return keys[a].0 > keys[b].0 }
            if keys[a].1 != keys[b].1 { return keys[a].1 < keys[b].1 }
            return articles[a].document.sourcePath < articles[b].document.sourcePath
        }
        return order
    }

    /// `elements` in the order of a key read once each: sorting the large model values themselves
    /// moved (retained and released) every field at every step, and read each key through the
    /// recording accessors at every comparison.
    static func sorted<Element, Key: Comparable>(_ elements: [Element], by key: (Element) -> Key) -> [Element] {
        let keys = elements.map(key)
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { elements[$0] }
    }
}

/// Which source claimed each output file first, so a second claim names both. A generated page
/// (no location) that collides is reported at the document that took its URL.
private struct RouteClaims {
    private var owners: [String: (source: String, location: SourceLocation?)] = [:]

    init(capacity: Int) { owners.reserveCapacity(capacity) }

    @discardableResult
    mutating func claim(_ outputPath: String, by source: String, at location: SourceLocation?) -> Diagnostic? {
        // One hash of the path for a new claim; a clash gives the path back to its first owner.
        if let owner = owners.updateValue((source, location), forKey: outputPath) {
            owners[outputPath] = owner
            let url = "/" + outputPath.replacing(/index\.html$/, with: "")
            return .error("URL \(url) is produced twice: by \(owner.source) and by \(source)",
                          at: location ?? owner.location ?? SourceLocation(file: owner.source))
        }
        return nil
    }
}
