extension SiteGraphBuilder {
    /// Each article's DOI and licence: the front matter's, else the site's. Two articles with
    /// one DOI would make Crossref move the DOI from one to the other at the second deposit,
    /// so that is an error naming both files.
    func assignRegistration(to articles: inout [Article], issues: [Issue]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byID = Dictionary(issues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owners: [String: String] = [:]
        for index in articles.indices {
            let document = articles[index].document
            articles[index].license = document.licenseOverride ?? config.license
            var doi = document.doiOverride
            // A malformed `doi:` was reported by the parser; the pattern's DOI would not be the one the editors meant.
            if doi == nil, document.frontMatter.entry("doi") == nil, let prefix = config.doiPrefix {
                let issue = byID[articles[index].issueID]
                let suffix = config.doiSuffix.expand(for: document, issue: articles[index].issueID,
                                                     volume: issue?.volume, number: issue?.number)
                doi = DOI(prefix: prefix, suffix: suffix)
                if doi == nil {
                    diagnostics.append(.warning("the DOI suffix '\(suffix)' made by doi_suffix is not valid (1 to 200 characters, "
                        + "no spaces): give this post a 'doi:' or a plainer slug", at: document.location(of: "slug")))
                }
            }
            guard let doi else { continue }
            if let owner = owners[doi.normalized] {
                diagnostics.append(.error("DOI \(doi.value) is given to two articles: \(owner) and \(document.sourcePath)",
                                          at: document.frontMatter.entry("doi")?.location
                                              ?? SourceLocation(file: document.sourcePath, line: 1, column: 1)))
                continue
            }
            owners[doi.normalized] = document.sourcePath
            articles[index].doi = doi
        }
        return diagnostics
    }
}
