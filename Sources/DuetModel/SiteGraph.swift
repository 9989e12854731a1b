/// Everything the renderer needs to know about the publication, and nothing about files or templates.
public struct SiteGraph: Hashable, Sendable {
    public var config: SiteConfig
    // The graph's collections are read through accessors that tell the running output's
    // recorder which question was asked (`GraphQuery`), so outputs record what they list.
    var allArticles: [Article]
    var allPages: [Page]
    var translationSets: [TranslationSet.ID: TranslationSet]
    var allIssues: [Issue]
    var allAuthors: [String: Author]

    /// Newest first; ties broken by title, then source path, so the order never depends on the file system.
    public var articles: [Article] { DependencyRecorder.current?.record(.query(.articles)); return allArticles }
    public var pages: [Page] { DependencyRecorder.current?.record(.query(.pages)); return allPages }
    /// Newest first.
    public var issues: [Issue] { DependencyRecorder.current?.record(.query(.issues)); return allIssues }
    /// Every author: the registry's and those known only from a byline.
    public var authors: [String: Author] { DependencyRecorder.current?.record(.query(.authors)); return allAuthors }

    public func author(_ id: String) -> Author? {
        DependencyRecorder.current?.record(.author(id))
        return allAuthors[id]
    }

    public init(config: SiteConfig, articles: [Article], pages: [Page],
                translations: [TranslationSet.ID: TranslationSet] = [:], issues: [Issue] = [],
                authors: [String: Author] = [:]) {
        self.init(config: config, articles: articles, pages: pages, translations: translations, issues: issues,
                  authors: authors, sourceOrder: nil)
    }

    /// - Parameter sourceOrder: `sourceOrder`, when the builder knows it (it routes the documents
    ///   in that order); nil sorts the source paths.
    init(config: SiteConfig, articles: [Article], pages: [Page], translations: [TranslationSet.ID: TranslationSet],
         issues: [Issue], authors: [String: Author], sourceOrder: [Place]?) {
        self.config = config
        self.allArticles = articles
        self.allPages = pages
        self.translationSets = translations
        self.allIssues = issues
        self.allAuthors = authors
        var places: [String: Place] = [:]
        places.reserveCapacity(articles.count + pages.count)
        var issueOfSource: [String: String] = [:]
        issueOfSource.reserveCapacity(articles.count)
        var versions: [TranslationSet.ID: [Int]] = [:]
        versions.reserveCapacity(articles.count)
        var written: [String: [Int]] = [:]
        // By index: binding each article to a name copied every field of it.
        for index in articles.indices {
            // The last article of a path holds its place; the first gives its issue.
            if places.updateValue(.article(index), forKey: articles[index].document.sourcePath) == nil {
                issueOfSource[articles[index].document.sourcePath] = articles[index].issueID
            }
            versions[articles[index].document.translationID, default: []].append(index)
            for id in articles[index].byline.authorIDs where written[id]?.last != index { written[id, default: []].append(index) }
        }
        for index in pages.indices where places[pages[index].document.sourcePath] == nil {
            places[pages[index].document.sourcePath] = .page(index)
        }
        self.places = places
        self.issueOfSource = issueOfSource
        self.sourceOrder = sourceOrder ?? {
            let all = articles.indices.map { Place.article($0) } + pages.indices.map { Place.page($0) }
            let paths = articles.map(\.document.sourcePath) + pages.map(\.document.sourcePath)
            return paths.indices.sorted { paths[$0] < paths[$1] }.map { all[$0] }
        }()
        self.articleVersions = versions
        self.articlesByAuthor = written
    }

    /// Author id -> the places in `allArticles` of what they wrote or co-wrote, so an author's
    /// page and the author index find an author's articles without a scan of every article each.
    let articlesByAuthor: [String: [Int]]

    /// Translation set -> its articles' places in `allArticles`, so a page finds its versions
    /// without listing every article (and a graph patched in place finds their new text).
    let articleVersions: [TranslationSet.ID: [Int]]

    /// Every published version of this article, itself included, in the graph's order: the same
    /// question as `translations(of:)`, answered with the articles rather than their routes.
    public func versions(of document: ParsedDocument) -> [Article] {
        DependencyRecorder.current?.record(.query(.translations(document.translationID)))
        return (articleVersions[document.translationID] ?? []).map { allArticles[$0] }
    }

    /// Source path -> issue id, so the switcher's fallback is a lookup rather than a scan per page.
    let issueOfSource: [String: String]

    /// Where a source's article or page sits in the graph's lists: `article(at:)`, `page(at:)`.
    public enum Place: Hashable, Sendable {
        case article(Int)
        case page(Int)
    }
    let places: [String: Place]

    /// Every article and page, ordered by source path: the order the plan claims their outputs
    /// in, so a clash always names the same two files. Not recorded: the manifest is planned
    /// again on every build.
    public let sourceOrder: [Place]

    /// Every version of this document, itself included.
    public func translations(of document: ParsedDocument) -> TranslationSet {
        DependencyRecorder.current?.record(.query(.translations(document.translationID)))
        return translationSets[document.translationID] ?? TranslationSet(kind: document.kind, key: document.translationKey)
    }

    /// Where the switcher on `document`'s page sends a reader of `language`: the translation when it
    /// exists, else the nearest page that does exist in that language (its home), never a 404.
    public func switchTarget(for document: ParsedDocument, in language: String) -> (route: Route, isTranslation: Bool) {
        if let route = translations(of: document).routes[language] { return (route, true) }
        DependencyRecorder.current?.record(.query(.issueOf(document.sourcePath)))
        if let issueID = issueOfSource[document.sourcePath] {
            return (issueRoute(issueID, language: language), false)
        }
        return (homeRoute(for: language), false)
    }

    public func issue(_ id: String) -> Issue? {
        DependencyRecorder.current?.record(.issue(id))
        return allIssues.first { $0.id == id }
    }

    /// The latest issue with at least one published article.
    public var currentIssue: Issue? {
        DependencyRecorder.current?.record(.query(.currentIssue))
        return unrecordedCurrentIssue
    }

    var unrecordedCurrentIssue: Issue? {
        let used = Set(allArticles.map(\.issueID))
        return allIssues.first { used.contains($0.id) }
    }

    /// Articles of one issue in one language, in table-of-contents order: by section (as listed
    /// in `site.yml`, then alphabetically), then `order:`, then date, then title.
    public func tableOfContents(_ issueID: String, language: String) -> [(section: String?, articles: [Article])] {
        DependencyRecorder.current?.record(.query(.tableOfContents(issue: issueID, language: language)))
        let members = allArticles.filter { $0.issueID == issueID && $0.document.language == language }
        // Section names match case-insensitively and take the configured spelling.
        func key(_ name: String) -> String { name.lowercased() }
        let configured = Dictionary(config.sections.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var spelling: [String: String] = [:]
        for name in members.compactMap(\.section) { spelling[key(name)] = spelling[key(name)] ?? configured[key(name)] ?? name }
        let ordered = config.sections.map(key).filter { spelling[$0] != nil }
            + spelling.keys.filter { configured[$0] == nil }.sorted()
        var groups: [(section: String?, articles: [Article])] = ordered.map { name in
            (spelling[name], members.filter { $0.section.map(key) == name }.sorted(by: Self.tocOrder))
        }
        let loose = members.filter { $0.section == nil }.sorted(by: Self.tocOrder)
        if !loose.isEmpty { groups.append((nil, loose)) }
        return groups
    }

    static func tocOrder(_ a: Article, _ b: Article) -> Bool {
        let (oa, ob) = (a.order ?? Int.max, b.order ?? Int.max)
        if oa != ob { return oa < ob }
        let (da, db) = (a.document.date?.secondsSinceEpoch ?? 0, b.document.date?.secondsSinceEpoch ?? 0)
        if da != db { return da < db }
        return a.document.title < b.document.title
    }

    /// Every article an author wrote or co-wrote, in any language, newest first.
    public func articles(by authorID: String) -> [Article] {
        DependencyRecorder.current?.record(.query(.articlesBy(authorID)))
        return (articlesByAuthor[authorID] ?? []).map { allArticles[$0] }
    }

    public func issuesArchiveRoute(for language: String) -> Route { Route(checkedPath: "/\(language)/issues/") }
    public func issueRoute(_ id: String, language: String) -> Route { Route(checkedPath: "/\(language)/issues/\(id)/") }
    public func authorsIndexRoute(for language: String) -> Route { Route(checkedPath: "/\(language)/authors/") }
    public func authorRoute(_ id: String, language: String) -> Route { Route(checkedPath: "/\(language)/authors/\(id)/") }

    public func articles(in language: String) -> [Article] {
        DependencyRecorder.current?.record(.query(.articlesIn(language)))
        return allArticles.filter { $0.document.language == language }
    }

    public func pages(in language: String) -> [Page] {
        DependencyRecorder.current?.record(.query(.pages))
        return allPages.filter { $0.document.language == language }
    }

    /// The home page of one language: `/en/`.
    public func homeRoute(for language: String) -> Route {
        Route(checkedPath: "/\(language)/")
    }

    /// The site root, a language chooser that links every home.
    /// The Atom feed of one language: `/en/feed.xml`.
    public func feedRoute(for language: String) -> Route {
        Route(checkedPath: "/\(language)/feed.xml")
    }

    public static let rootRoute = Route(checkedPath: "/")
    public static let notFoundRoute = Route(checkedPath: "/404.html")
}
