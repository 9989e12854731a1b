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
        return Self.prefixingRootRelativeLinks(in: html, with: basePath)
    }

    /// `href="/x"` and `src="/x"` with `prefix` put before the path; protocol-relative links
    /// (`//host/x`) are left alone: they are listed first, so they match first, as themselves.
    static func prefixingRootRelativeLinks(in html: String, with prefix: String) -> String {
        html.replacingBytes([("href=\"//", "href=\"//"), ("src=\"//", "src=\"//"),
                             ("href=\"/", "href=\"\(prefix)/"), ("src=\"/", "src=\"\(prefix)/")])
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
