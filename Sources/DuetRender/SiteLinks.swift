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

    /// Root-relative links an author wrote in Markdown (`/images/x.svg`) moved under the base URL's
    /// path, so a site published in a sub-folder keeps working.
    func rebased(_ html: String) -> String {
        guard !basePath.isEmpty else { return html }
        return html.replacingBytes("href=\"/", with: "href=\"\(basePath)/").replacingBytes("src=\"/", with: "src=\"\(basePath)/")
            .replacingBytes("href=\"\(basePath)//", with: "href=\"//").replacingBytes("src=\"\(basePath)//", with: "src=\"//")
    }

    /// Scheme and host (`https://example.org`): the absolute base without its path.
    var origin: String {
        absoluteBase.hasSuffix(basePath) ? String(absoluteBase.dropLast(basePath.count)) : absoluteBase
    }

    /// Absolute, for canonical, hreflang and feeds: the relative form when there is no base URL.
    func absoluteURL(_ route: Route) -> String {
        absoluteBase.isEmpty ? url(route) : absoluteBase + route.path
    }
}
