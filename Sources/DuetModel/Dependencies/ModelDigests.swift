/// The current answer to each read an output recorded, as a digest: an output is current when
/// every read it made digests as it did when it was written.
public struct ModelDigests: Sendable {
    let graph: SiteGraph
    let documents: [String: ParsedDocument]

    public init(graph: SiteGraph) {
        self.graph = graph
        var documents: [String: ParsedDocument] = [:]
        for document in graph.allArticles.map(\.document) + graph.allPages.map(\.document) {
            documents[document.sourcePath] = document
        }
        self.documents = documents
    }

    /// Nil for the reads the model does not answer (strings, layouts: the render stage's).
    public func digest(of dependency: Dependency) -> UInt64? {
        var digest = StableDigest()
        switch dependency {
        case .body(let path):
            guard let document = documents[path] else { return 0 }
            document.unrecordedBody.combine(into: &digest)
        case .meta(let path):
            guard let document = documents[path] else { return 0 }
            document.unrecordedMeta.combine(into: &digest)
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
            for article in articles { article.combineIdentity(into: &digest) }
        }
        switch query {
        case .articles: identities(graph.allArticles)
        case .article(let path): identities(graph.allArticles.filter { $0.document.sourcePath == path })
        case .articlesIn(let language): identities(graph.allArticles.filter { $0.document.language == language })
        case .articlesBy(let id): identities(graph.allArticles.filter { $0.byline.authorIDs.contains(id) })
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
            identities(graph.allArticles.filter { $0.issueID == issue && $0.document.language == language })
        case .translations(let id): digest.combine(reflecting: graph.translationSets[id] as Any)
        case .issueOf(let path): digest.combine(graph.allArticles.first { $0.document.sourcePath == path }?.issueID ?? "\u{0}")
        }
    }
}

extension Article {
    /// Which article this is and where it stands (route, issue, byline, preview state): every
    /// stored field but the document, whose reads are recorded on their own.
    func combineIdentity(into digest: inout StableDigest) {
        document.combineIdentity(into: &digest)
        for child in Mirror(reflecting: self).children where child.label != "document" {
            digest.combine(child.label ?? "")
            digest.combine(reflecting: child.value)
        }
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
