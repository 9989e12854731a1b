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
    /// Digests made when the documents were parsed, by source path; the rest are made here.
    private var known: [String: DocumentDigests]
    /// Each article's identity digest, in graph order, made once: every list query combines them.
    private let identities: [UInt64]
    /// The graph's lists by what selects them, as places in `identities`, gathered in one pass so
    /// that a query per language or per issue does not scan every article.
    private let byLanguage: [String: [Int]]
    private let byShelf: [Shelf: [Int]]
    /// Each author and issue digested once: `.author`, `.issue` and the lists of them combine these.
    private let authorDigests: [String: UInt64]
    private let issueDigests: [String: UInt64]
    private let authorsDigest: UInt64
    private let issuesDigest: UInt64

    /// One issue's articles in one language: a table of contents.
    private struct Shelf: Hashable {
        var issue: String
        var language: String
    }

    public init(graph: SiteGraph, documentDigests: [String: DocumentDigests] = [:]) {
        self.graph = graph
        known = documentDigests
        var identities: [UInt64] = []
        identities.reserveCapacity(graph.allArticles.count)
        var byLanguage: [String: [Int]] = [:], byShelf: [Shelf: [Int]] = [:]
        for (index, article) in graph.allArticles.enumerated() {
            var digest = StableDigest()
            article.combineIdentity(into: &digest)
            identities.append(digest.value)
            byLanguage[article.document.language, default: []].append(index)
            byShelf[Shelf(issue: article.issueID, language: article.document.language), default: []].append(index)
        }
        (self.identities, self.byLanguage, self.byShelf) = (identities, byLanguage, byShelf)
        var authorDigests: [String: UInt64] = [:]
        authorDigests.reserveCapacity(graph.allAuthors.count)
        for (id, author) in graph.allAuthors {
            var digest = StableDigest()
            author.combine(into: &digest)
            authorDigests[id] = digest.value
        }
        var authors = StableDigest()
        authors.combine(UInt64(authorDigests.count))
        for (id, value) in authorDigests.sorted(by: { $0.key < $1.key }) {
            authors.combine(id)
            authors.combine(value)
        }
        var issueDigests: [String: UInt64] = [:], issues = StableDigest()
        issues.combine(UInt64(graph.allIssues.count))
        for issue in graph.allIssues {
            var digest = StableDigest()
            issue.combine(into: &digest)
            issues.combine(digest.value)
            // The first of an id, as `SiteGraph.issue(_:)` finds it.
            if issueDigests[issue.id] == nil { issueDigests[issue.id] = digest.value }
        }
        (self.authorDigests, self.authorsDigest, self.issueDigests, self.issuesDigest) = (authorDigests, authors.value, issueDigests, issues.value)
    }

    /// The digests of `graph`, made from `self.graph` by `SiteGraph.replacingBodies(documents)`:
    /// identities, lists and queries answer as before, only those documents' bodies differ.
    public func replacingBodies(in graph: SiteGraph, _ documents: [ParsedDocument],
                                digests: [String: DocumentDigests]) -> ModelDigests {
        var patched = self
        patched.graph = graph
        for document in documents {
            patched.known[document.sourcePath] = digests[document.sourcePath] ?? DocumentDigests(document)
        }
        return patched
    }

    /// Nil for the reads the model does not answer (strings, layouts: the render stage's).
    public func digest(of dependency: Dependency) -> UInt64? {
        var digest = StableDigest()
        switch dependency {
        case .body(let path): return digests(of: path)?.body ?? 0
        case .meta(let path): return digests(of: path)?.meta ?? 0
        case .author(let id): return authorDigests[id] ?? 0
        case .issue(let id): return issueDigests[id] ?? 0
        case .query(let query):
            combine(query, into: &digest)
        case .strings, .layout, .volatile:
            return nil
        }
        return digest.value
    }

    /// The digests of the document the graph holds for `path`, made now if the parse did not.
    private func digests(of path: String) -> DocumentDigests? {
        if graph.places[path] == nil { return nil }
        if let digests = known[path] { return digests }
        return graph.document(from: path).map(DocumentDigests.init)
    }

    private func combine(_ query: GraphQuery, into digest: inout StableDigest) {
        func list(_ places: [Int]) {
            digest.combine(UInt64(places.count))
            for place in places { digest.combine(identities[place]) }
        }
        switch query {
        case .articles:
            digest.combine(UInt64(identities.count))
            for identity in identities { digest.combine(identity) }
        case .article(let path):
            digest.combine(1)
            if case .article(let place)? = graph.places[path] { digest.combine(identities[place]) } else { digest.combine(0) }
        case .articlesIn(let language): list(byLanguage[language] ?? [])
        case .articlesBy(let id): list(graph.articlesByAuthor[id] ?? [])
        case .pages:
            for page in graph.allPages {
                page.document.combineIdentity(into: &digest)
                digest.combine(page.route.path)
            }
        case .issues: digest.combine(issuesDigest)
        case .authors: digest.combine(authorsDigest)
        case .currentIssue: digest.combine(graph.unrecordedCurrentIssue?.id ?? "\u{0}")
        case .tableOfContents(let issue, let language):
            // Its order reads titles and dates, which the sort records as the members' `.meta`.
            list(byShelf[Shelf(issue: issue, language: language)] ?? [])
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
