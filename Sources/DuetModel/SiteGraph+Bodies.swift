/// The preview's edit of one article's text: a save that changed a document's body and nothing
/// else leaves every route, list, order and translation of the graph as it was, so the graph is
/// patched in place instead of being built again from every document.
extension SiteGraph {
    /// The article made from `sourcePath`, as this graph holds it. Not recorded: the plan's
    /// closures use it to find their own document again in the graph they render with.
    public func article(from sourcePath: String) -> Article? {
        guard case .article(let index)? = places[sourcePath] else { return nil }
        return allArticles[index]
    }

    /// The article at `index` of the graph's list when it is made from `sourcePath`, else the
    /// one made from it wherever it sits: what a plan entry that noted both finds again. Not recorded.
    public func article(at index: Int, from sourcePath: String) -> Article? {
        if allArticles.indices.contains(index), allArticles[index].document.sourcePath == sourcePath { return allArticles[index] }
        return article(from: sourcePath)
    }

    /// `article(at:from:)` for a standalone page. Not recorded.
    public func page(at index: Int, from sourcePath: String) -> Page? {
        if allPages.indices.contains(index), allPages[index].document.sourcePath == sourcePath { return allPages[index] }
        return page(from: sourcePath)
    }

    /// The article at `index` of the graph's list (a place from `sourceOrder`). Not recorded.
    public func article(at index: Int) -> Article { allArticles[index] }

    /// The page at `index` of the graph's list (a place from `sourceOrder`). Not recorded.
    public func page(at index: Int) -> Page { allPages[index] }

    /// The standalone page made from `sourcePath`, as this graph holds it. Not recorded.
    public func page(from sourcePath: String) -> Page? {
        guard case .page(let index)? = places[sourcePath] else { return nil }
        return allPages[index]
    }

    /// The document this graph holds for `sourcePath` (an article's or a page's), unrecorded.
    public func document(from sourcePath: String) -> ParsedDocument? {
        switch places[sourcePath] {
        case .article(let index)?: allArticles[index].document
        case .page(let index)?: allPages[index].document
        case nil: nil
        }
    }

    /// The graph with these documents in place of those from the same sources, or nil when one
    /// of them is not in the graph or differs from the one it replaces in more than its body:
    /// then the graph's shape may change, and only a new build of it is right.
    public func replacingBodies(_ documents: [ParsedDocument]) -> SiteGraph? {
        var graph = self
        for document in documents {
            guard let old = self.document(from: document.sourcePath), old.differsOnlyInBody(from: document) else { return nil }
            switch places[document.sourcePath] {
            case .article(let index)?: graph.allArticles[index].document = document
            case .page(let index)?: graph.allPages[index].document = document
            case nil: return nil
            }
        }
        return graph
    }
}

extension ParsedDocument {
    /// Same identity and same `Meta`: what the graph builder reads of a document is unchanged.
    public func differsOnlyInBody(from other: ParsedDocument) -> Bool {
        kind == other.kind && sourcePath == other.sourcePath && language == other.language
            && translationKey == other.translationKey && storedMetaValue == other.storedMetaValue
    }
}
