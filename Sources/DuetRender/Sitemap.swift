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

    /// Each page's `<url>` is written straight into one string, in `loc` order, with its
    /// cluster's annotations made once: a sitemap is made again whenever any document's meta
    /// changes (its `<lastmod>` reads them all), and building every entry as a string of its
    /// own and joining them cost more than the rest of the edit's render.
    func render() -> String {
        var annotations: [String] = []
        var entries: [(loc: String, path: String, annotations: Int)] = []
        for cluster in clusters {
            let versions = languages.compactMap { language in cluster.routes[language.code].map { (language.tag, $0) } }
            guard !versions.isEmpty else { continue }
            var annotation = ""
            if versions.count > 1 || cluster.xDefault != nil {
                for (tag, route) in versions {
                    annotation += "<xhtml:link rel=\"alternate\" hreflang=\"\(escape(tag))\" href=\"\(escape(links.absoluteURL(route)))\"/>\n"
                }
                let fallback = cluster.xDefault ?? cluster.routes[defaultLanguage] ?? versions[0].1
                annotation += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escape(links.absoluteURL(fallback)))\"/>\n"
            }
            annotations.append(annotation)
            for route in versions.map(\.1) + [cluster.extra].compactMap({ $0 }) {
                entries.append((links.absoluteURL(route), route.path, annotations.count - 1))
            }
        }
        // The first of equal locations wins, as listed: a stable sort keeps them in order.
        entries.sort { $0.loc < $1.loc }
        var kept: [(loc: String, lastmod: String?, annotations: Int)] = []
        kept.reserveCapacity(entries.count)
        var size = 256
        var previous: String?
        for entry in entries where entry.loc != previous {
            previous = entry.loc
            let loc = escape(entry.loc), lastmod = lastModified[entry.path]
            size += 32 + loc.utf8.count + (lastmod.map { $0.utf8.count + 22 } ?? 0) + annotations[entry.annotations].utf8.count
            kept.append((loc, lastmod, entry.annotations))
        }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        xml.reserveCapacity(size)
        for entry in kept {
            xml += "<url>\n<loc>"
            xml += entry.loc
            xml += "</loc>\n"
            if let lastmod = entry.lastmod {
                xml += "<lastmod>"
                xml += lastmod
                xml += "</lastmod>\n"
            }
            xml += annotations[entry.annotations]
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named when it exists.
    static func robots(sitemapURL: String?) -> String {
        "User-agent: *\nAllow: /\n" + (sitemapURL.map { "\nSitemap: \($0)\n" } ?? "")
    }
}
