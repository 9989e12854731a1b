/// Everything the renderer needs to know about the publication, and nothing about files or templates.
public struct SiteGraph: Hashable, Sendable {
    public var config: SiteConfig
    /// Newest first; ties broken by title, then source path, so the order never depends on the file system.
    public var articles: [Article]
    public var pages: [Page]
    public var translations: [TranslationSet.ID: TranslationSet]

    public init(config: SiteConfig, articles: [Article], pages: [Page],
                translations: [TranslationSet.ID: TranslationSet] = [:]) {
        self.config = config
        self.articles = articles
        self.pages = pages
        self.translations = translations
    }

    /// Every version of this document, itself included.
    public func translations(of document: ParsedDocument) -> TranslationSet {
        translations[document.translationID] ?? TranslationSet(kind: document.kind, key: document.translationKey)
    }

    /// Where the switcher on `document`'s page sends a reader of `language`: the translation when it
    /// exists, else the nearest page that does exist in that language (its home), never a 404.
    public func switchTarget(for document: ParsedDocument, in language: String) -> (route: Route, isTranslation: Bool) {
        if let route = translations(of: document).routes[language] { return (route, true) }
        return (homeRoute(for: language), false)
    }

    public func articles(in language: String) -> [Article] {
        articles.filter { $0.document.language == language }
    }

    public func pages(in language: String) -> [Page] {
        pages.filter { $0.document.language == language }
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
