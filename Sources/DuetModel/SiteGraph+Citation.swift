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

    /// `citationRoute(of:file:)?.outputPath` of each name, in order, made without the routes:
    /// what the plan claims. Empty when the article's URL is a file.
    public func citationOutputPaths(of route: Route) -> [(name: String, outputPath: String)] {
        guard route.isFolder else { return [] }
        return Self.citationFileNames.map { ($0, route.outputPath(ofFile: $0)) }
    }
}
