/// The current answer to each read an output recorded, as a digest: an output is current when
/// every read it made digests as it did when it was written.
public struct ModelDigests: Sendable {
    /// A document's `.body` and `.meta` digests.
    public struct DocumentDigests: Hashable, Sendable {
        public var body: UInt64
        public var meta: UInt64

        public init(body: UInt64, meta: UInt64) {
            self.body = body
            self.meta = meta
        }

        public init(_ document: ParsedDocument) {
            var meta = StableDigest()
            document.unrecordedMeta.combine(into: &meta)
            self.init(body: document.unrecordedBody.digest, meta: meta.value)
        }
    }

    private(set) var graph: SiteGraph
    private(set) var documents: [String: ParsedDocument]
    /// Digests made when the documents were parsed, by source path; the rest are made here.
    private var known: [String: DocumentDigests]
    /// Each article's identity digest, made once: every list query combines them.
    private let identities: [String: UInt64]
    /// The graph's lists by what selects them, in graph order, gathered in one pass so that a
    /// query per author or per issue does not scan every article.
    private let byLanguage: [String: [Article]]
    private let byAuthor: [String: [Article]]
    private let byIssue: [String: [Article]]

    public init(graph: SiteGraph, documentDigests: [String: DocumentDigests] = [:]) {
        self.graph = graph
        known = documentDigests
        var documents: [String: ParsedDocument] = [:]
        for document in graph.allArticles.map(\.document) + graph.allPages.map(\.document) {
            documents[document.sourcePath] = document
        }
        self.documents = documents
        var identities: [String: UInt64] = [:]
        var byLanguage: [String: [Article]] = [:], byAuthor: [String: [Article]] = [:], byIssue: [String: [Article]] = [:]
        for article in graph.allArticles {
            var digest = StableDigest()
            article.combineIdentity(into: &digest)
            identities[article.document.sourcePath] = digest.value
            byLanguage[article.document.language, default: []].append(article)
            byIssue[article.issueID, default: []].append(article)
            for id in Set(article.byline.authorIDs) { byAuthor[id, default: []].append(article) }
        }
        self.identities = identities
        (self.byLanguage, self.byAuthor, self.byIssue) = (byLanguage, byAuthor, byIssue)
    }

    /// The digests of `graph`, made from `self.graph` by `SiteGraph.replacingBodies(documents)`:
    /// identities, lists and queries answer as before, only those documents' bodies differ.
    public func replacingBodies(in graph: SiteGraph, _ documents: [ParsedDocument],
                                digests: [String: DocumentDigests]) -> ModelDigests {
        var patched = self
        patched.graph = graph
        for document in documents {
            patched.documents[document.sourcePath] = document
            patched.known[document.sourcePath] = digests[document.sourcePath] ?? DocumentDigests(document)
        }
        return patched
    }

    /// Nil for the reads the model does not answer (strings, layouts: the render stage's).
    public func digest(of dependency: Dependency) -> UInt64? {
        var digest = StableDigest()
        switch dependency {
        case .body(let path):
            guard let document = documents[path] else { return 0 }
            return (known[path] ?? DocumentDigests(document)).body
        case .meta(let path):
            guard let document = documents[path] else { return 0 }
            return (known[path] ?? DocumentDigests(document)).meta
        case .author(let id):
            digest.combine(reflecting: graph.allAuthors[id] as Any)
        case .issue(let id):
            digest.combine(reflecting: graph.allIssues.first { $0.id == id } as Any)
        case .query(let query):
            combine(query, into: &digest)
        case .strings, .layout, .volatile:
            return nil
        }
        return digest.value
    }

    private func combine(_ query: GraphQuery, into digest: inout StableDigest) {
        func identities(_ articles: [Article]) {
            digest.combine(UInt64(articles.count))
            for article in articles { digest.combine(self.identities[article.document.sourcePath] ?? 0) }
        }
        switch query {
        case .articles: identities(graph.allArticles)
        case .article(let path):
            digest.combine(1)
            digest.combine(self.identities[path] ?? 0)
        case .articlesIn(let language): identities(byLanguage[language] ?? [])
        case .articlesBy(let id): identities(byAuthor[id] ?? [])
        case .pages:
            for page in graph.allPages {
                page.document.combineIdentity(into: &digest)
                digest.combine(page.route.path)
            }
        case .issues: digest.combine(reflecting: graph.allIssues)
        case .authors: digest.combine(reflecting: graph.allAuthors)
        case .currentIssue: digest.combine(graph.unrecordedCurrentIssue?.id ?? "\u{0}")
        case .tableOfContents(let issue, let language):
            // Its order reads titles and dates, which the sort records as the members' `.meta`.
            identities((byIssue[issue] ?? []).filter { $0.document.language == language })
        case .translations(let id):
            // Which versions exist and where: the kind and key are the query's own.
            let routes = graph.translationSets[id]?.routes ?? [:]
            digest.combine(UInt64(routes.count))
            for (language, route) in routes.sorted(by: { $0.key < $1.key }) {
                digest.combine(language)
                route.combine(into: &digest)
            }
        case .issueOf(let path): digest.combine(graph.issueOfSource[path] ?? "\u{0}")
        }
    }
}

extension Article {
    /// Which article this is and where it stands: every stored field but the document, whose
    /// reads are recorded on their own. By hand for speed (queries digest every article);
    /// `DependencyDigestTests` fails when a field is added to `Article` or `Byline` and not here.
    func combineIdentity(into digest: inout StableDigest) {
        document.combineIdentity(into: &digest)
        route.combine(into: &digest)
        digest.combine(issueID)
        digest.combine(UInt64(byline.authorIDs.count))
        for id in byline.authorIDs { digest.combine(id) }
        digest.combine(UInt64(byline.namedCount))
        digest.combine(byline.etAl ? 1 : 0)
        digest.combine(previewState.rawValue)
        digest.combine(doi?.value ?? "\u{0}")
        License.combine(license, into: &digest)
    }

    public static let identityFieldCount = (article: 7, byline: 3, route: 3)
}

extension Route {
    func combine(into digest: inout StableDigest) {
        digest.combine(path)
        digest.combine(outputPath)
        digest.combine(isHidden ? 1 : 0)
    }
}

extension ParsedDocument {
    func combineIdentity(into digest: inout StableDigest) {
        digest.combine(kind.rawValue)
        digest.combine(sourcePath)
        digest.combine(language)
        digest.combine(translationKey)
    }
}

extension License {
    static func combine(_ license: License?, into digest: inout StableDigest) {
        guard let license else { digest.combine("\u{0}"); return }
        digest.combine(license.id)
        digest.combine(license.url)
        digest.combine(UInt64(license.names.count))
        for (language, name) in license.names.sorted(by: { $0.key < $1.key }) {
            digest.combine(language)
            digest.combine(name)
        }
    }
}
