/// Where an article's citation files live: beside its page, in its URL's folder.
extension SiteGraph {
    /// The file names, in the order the cite block offers them.
    public static let citationFileNames = ["cite.ris", "cite.bib", "cite.json"]

    /// `/en/issues/2025-q1/slug/cite.ris`; nil when the article's URL is a file (`/en/x.html`),
    /// which has no folder to hold them.
    public func citationRoute(of article: Article, file name: String) -> Route? {
        citationRoute(of: article.route, file: name)
    }

    /// `citationRoute(of:file:)` for the article at `route`.
    public func citationRoute(of route: Route, file name: String) -> Route? {
        route.isFolder ? Route(checkedPath: route.path + name) : nil
    }

    /// `citationRoute(of:file:)?.outputPath`, made without the route: what the plan claims.
    public func citationOutputPath(of route: Route, file name: String) -> String? {
        route.isFolder ? route.outputPath(ofFile: name) : nil
    }
}
