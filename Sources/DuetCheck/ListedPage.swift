import DuetModel

/// One row of `duet list`: a document as editors look it up (path, URL, date, state) and whether
/// the build being planned would publish it.
public struct ListedPage: Hashable, Sendable {
    public var path: String
    public var language: String
    /// Site-relative, with the base path: `/en/issues/2025-q1/slug/`; empty when the document has no route
    /// (a post without a date, an undeclared language, a URL another document took).
    public var url: String
    /// ISO 8601 with the offset it was written in: `2025-01-15T12:00:00+08:00`; empty for undated pages.
    public var date: String
    public var issue: String
    public var authors: [String]
    public var translationKey: String
    public var excerpt: String
    /// Whatever the flags: `published`, `draft`, `future` or `unpublished`.
    public var state: ContentSelection.Verdict
    /// Whether a build with the given `--drafts` / `--future` would write it (never without a URL).
    public var included: Bool

    public init(path: String, language: String, url: String, date: String, issue: String, authors: [String],
                translationKey: String, excerpt: String, state: ContentSelection.Verdict, included: Bool) {
        self.path = path
        self.language = language
        self.url = url
        self.date = date
        self.issue = issue
        self.authors = authors
        self.translationKey = translationKey
        self.excerpt = excerpt
        self.state = state
        self.included = included
    }

    /// The column names, in the order of CSV columns and JSON keys.
    public static let columns = ["path", "language", "url", "date", "issue", "authors", "translation_key", "excerpt",
                                 "state", "included"]

    /// Every document of the model, sorted by language, then date (undated first), then path.
    /// - Parameter selection: the flags of the build being planned, and the moment that makes a post "future".
    public static func rows(of model: SourceModel, selection: ContentSelection) -> [ListedPage] {
        let strict = ContentSelection(includeDrafts: false, includeFuture: false, now: selection.now)
        let routes = model.routeOfSource
        let articles = Dictionary(model.graph.articles.map { ($0.document.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = model.documents.map { document in
            let article = articles[document.sourcePath]
            let names = article.map { article in
                article.byline.authorIDs.map { id in
                    model.graph.authors[id]?.name(in: document.language, fallback: id) ?? id
                }
            } ?? document.authors
            return ListedPage(
                path: document.sourcePath, language: document.language,
                url: routes[document.sourcePath].map { model.config.basePath + $0.path } ?? "",
                date: document.date?.iso8601 ?? "", issue: article?.issueID ?? "", authors: names,
                translationKey: document.translationKey, excerpt: HTMLText.plainText(document.excerptHTML),
                state: strict.verdict(for: document),
                included: selection.verdict(for: document) == .published && routes[document.sourcePath] != nil)
        }
        // By the instant, not the written text: `+08:00` and `Z` dates must interleave correctly.
        let instants = Dictionary(model.documents.map { ($0.sourcePath, $0.date?.secondsSinceEpoch ?? Int64.min) },
                                  uniquingKeysWith: { first, _ in first })
        return rows.sorted { a, b in
            (a.language, instants[a.path] ?? Int64.min, a.path) < (b.language, instants[b.path] ?? Int64.min, b.path)
        }
    }

    /// The row's values as text, in column order (authors joined with `; `).
    public var fields: [String] {
        [path, language, url, date, issue, authors.joined(separator: "; "), translationKey, excerpt, state.rawValue,
         included ? "true" : "false"]
    }
}
