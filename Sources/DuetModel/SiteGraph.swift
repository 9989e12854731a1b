/// Everything the renderer needs to know about the publication, and nothing about files or templates.
public struct SiteGraph: Hashable, Sendable {
    public var config: SiteConfig
    /// Newest first; ties broken by title, then source path, so the order never depends on the file system.
    public var articles: [Article]
    public var pages: [Page]

    public init(config: SiteConfig, articles: [Article], pages: [Page]) {
        self.config = config
        self.articles = articles
        self.pages = pages
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
    public static let rootRoute = Route(checkedPath: "/")
    public static let notFoundRoute = Route(checkedPath: "/404.html")
}
