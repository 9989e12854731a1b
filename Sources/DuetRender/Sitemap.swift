import DuetModel

/// `sitemap.xml` (sitemaps.org 0.9): every page once, with absolute URLs, each listing all its
/// language versions as `xhtml:link rel="alternate" hreflang` — itself included and in the same
/// way on every version, which is what makes the annotation reciprocal for search engines.
struct Sitemap: Sendable {
    /// Pages that are versions of one another: language code -> route, plus the `x-default` page.
    struct Cluster: Sendable {
        var routes: [String: Route]
        var xDefault: Route?
        /// A page listed with this cluster's annotations that is not itself one of its versions
        /// (the language chooser at `/`).
        var extra: Route?
    }

    var clusters: [Cluster]
    var languages: [Language]
    var defaultLanguage: String
    var links: SiteLinks
    /// Route path -> `<lastmod>` (W3C datetime): for articles and dated pages, when they last
    /// changed (`updated:`, a correction) or else when they were published.
    var lastModified: [String: String] = [:]

    func render() -> String {
        var entries: [(loc: String, xml: String)] = []
        for cluster in clusters {
            let versions = languages.compactMap { language in cluster.routes[language.code].map { (language.tag, $0) } }
            guard !versions.isEmpty else { continue }
            var annotations = ""
            if versions.count > 1 || cluster.xDefault != nil {
                for (tag, route) in versions {
                    annotations += "<xhtml:link rel=\"alternate\" hreflang=\"\(escape(tag))\" href=\"\(escape(links.absoluteURL(route)))\"/>\n"
                }
                let fallback = cluster.xDefault ?? cluster.routes[defaultLanguage] ?? versions[0].1
                annotations += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escape(links.absoluteURL(fallback)))\"/>\n"
            }
            for route in versions.map(\.1) + [cluster.extra].compactMap({ $0 }) {
                let loc = links.absoluteURL(route)
                let lastmod = lastModified[route.path].map { "<lastmod>\($0)</lastmod>\n" } ?? ""
                entries.append((loc, "<url>\n<loc>\(escape(loc))</loc>\n\(lastmod)\(annotations)</url>\n"))
            }
        }
        var seen: Set<String> = []
        let body = entries.sorted { $0.loc < $1.loc }.filter { seen.insert($0.loc).inserted }.map(\.xml).joined()
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """ + body + "</urlset>\n"
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named when it exists.
    static func robots(sitemapURL: String?) -> String {
        "User-agent: *\nAllow: /\n" + (sitemapURL.map { "\nSitemap: \($0)\n" } ?? "")
    }
}
