import DuetModel

/// Turns routes into the links a page prints, under the base URL's path.
struct SiteLinks: Sendable {
    var basePath: String
    var absoluteBase: String

    init(config: SiteConfig) {
        basePath = config.basePath
        absoluteBase = config.absoluteBase
    }

    /// Site-relative: `/review/en/2025/slug/` under `https://example.org/review/`.
    func url(_ route: Route) -> String { basePath + route.path }

    /// Absolute, for canonical and Open Graph: falls back to the relative form without a base URL.
    func absoluteURL(_ route: Route) -> String {
        absoluteBase.isEmpty ? url(route) : absoluteBase + route.path
    }

    func view(of document: ParsedDocument, route: Route, strings: Strings) -> DocumentView {
        let authors = document.authors
        return DocumentView(
            title: document.title,
            url: url(route),
            date: document.date.map(strings.format),
            dateISO: document.date?.iso8601,
            excerpt: document.excerptHTML,
            content: document.bodyHTML,
            authors: authors.isEmpty ? nil : authors.joined(separator: strings.values["author_separator"] ?? ", "),
            description: document.description,
            image: document.image.map { $0.hasPrefix("/") ? basePath + $0 : $0 },
            language: document.language,
            tags: document.list("tags"),
            params: document.frontMatter)
    }
}
