/// Where an article's citation files live: beside its page, in its URL's folder.
extension SiteGraph {
    /// The file names, in the order the cite block offers them.
    public static let citationFileNames = ["cite.ris", "cite.bib", "cite.json"]

    /// `/en/issues/2025-q1/slug/cite.ris`; nil when the article's URL is a file (`/en/x.html`),
    /// which has no folder to hold them.
    public func citationRoute(of article: Article, file name: String) -> Route? {
        article.route.path.hasSuffix("/") ? Route(checkedPath: article.route.path + name) : nil
    }
}
