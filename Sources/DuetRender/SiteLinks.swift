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

    /// Absolute, for canonical, hreflang and feeds: the relative form when there is no base URL.
    func absoluteURL(_ route: Route) -> String {
        absoluteBase.isEmpty ? url(route) : absoluteBase + route.path
    }
}
