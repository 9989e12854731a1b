/// Finds the registry entry behind each name or id an article gives, and makes an entry (with a
/// warning) for a name the registry does not know, so every author still gets a page.
struct AuthorDirectory {
    private(set) var authors: [String: Author]
    private var idsByName: [NameKey: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// What each written reference resolved to. A reference resolves the same way every time
    /// after its first (an unknown name is entered then, and warned about only then), and the
    /// same few names are written on every article.
    private var resolved: [String: String] = [:]

    init(registry: [Author]) {
        authors = Dictionary(registry.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for author in registry.sorted(by: { $0.id < $1.id }) {
            idsByName[NameKey(author.id), default: author.id] = author.id
            for name in author.names.values { idsByName[NameKey(name), default: author.id] = author.id }
        }
    }

    /// The names (or ids) `authors:` or `author:` gives, and whether it ends in "et al.", which
    /// makes the byline read the body's bios.
    static func writtenByline(of document: ParsedDocument) -> (names: [String], etAl: Bool) {
        let key = document.unrecordedMeta.frontMatter["authors"] != nil ? "authors" : "author"
        switch document.unrecordedMeta.frontMatter[key] {
        case .list(let items)?: return (items.compactMap(\.scalarText), false)
        case let value?: return Byline.parseNames(value.scalarText ?? "")
        case nil: return ([], false)
        }
    }

    /// The byline of one document: `authors:` (ids or names) or Jekyll's `author:` string, with the
    /// full list taken from the bios when the byline says "et al.".
    /// - Parameter written: `writtenByline(of: document)`, read before on every core (`SiteGraphBuilder`).
    mutating func byline(of document: ParsedDocument, written: (names: [String], etAl: Bool)) -> Byline {
        var (references, etAl) = written
        let key = document.frontMatter["authors"] != nil ? "authors" : "author"
        let named = references.count
        if etAl {
            let fromBios = document.body.bioNames ?? BioNames.extract(fromHTML: document.bodyHTML)
            if fromBios.count > references.count, let first = references.first,
               fromBios.contains(where: { NameKey($0) == NameKey(first) }) || references.isEmpty {
                references = fromBios
            }
        }
        let location = document.location(of: key)
        var ids: [String] = []
        for reference in references {
            let id = resolve(reference, language: document.language, at: location)
            if !ids.contains(id) { ids.append(id) }
        }
        return Byline(authorIDs: ids, etAl: etAl, namedCount: max(named, 1))
    }

    private mutating func resolve(_ written: String, language: String, at location: SourceLocation) -> String {
        if let id = resolved[written] { return id }
        let id = firstResolve(written, language: language, at: location)
        resolved[written] = id
        return id
    }

    private mutating func firstResolve(_ written: String, language: String, at location: SourceLocation) -> String {
        let link = AuthorLink.parse(written)
        let reference = link?.name ?? written
        if authors[reference] != nil { return reference }
        if let id = idsByName[NameKey(reference)] { return id }
        let id = authorID(fromName: reference)
        diagnostics.append(.warning("author '\(reference)' is not in the registry (add content/authors/\(id).yml)", at: location))
        if authors[id] == nil {
            authors[id] = Author(id: id, names: [language: reference], website: link.flatMap { $0.url.isEmpty ? nil : $0.url })
        }
        idsByName[NameKey(reference)] = id
        return id
    }
}
