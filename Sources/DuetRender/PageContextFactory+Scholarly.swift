import DuetModel
import Foundation

/// What libraries and Google Scholar read from an article page: Highwire Press tags and JSON-LD
/// in the article's own language and script, and a citation to copy.
extension PageContextFactory {
    /// The article's citation in its own language and names, with the registry entries of its
    /// authors: the cite block, the citation files and the Highwire tags are made from them.
    func citation(of article: Article) -> (citation: Citation, authors: [Author]) {
        DependencyRecorder.current?.record(.query(.article(article.document.sourcePath)))
        let document = article.document
        let language = document.language
        let issue = graph.issue(article.issueID)
        let authors = article.byline.authorIDs.map { id in graph.author(id) ?? Author(id: id, names: [language: id]) }
        let people = authors.map { author -> Citation.Person in
            Citation.Person(name: author.name(in: language, fallback: defaultLanguage),
                            family: author.familyName(in: language, fallback: defaultLanguage),
                            familyFirst: author.familyNameFirst(in: language, fallback: defaultLanguage),
                            latinFamily: author.familyName(in: defaultLanguage, fallback: language))
        }
        let citation = Citation(title: document.title, authors: people, journal: graph.config.title(in: language),
                                year: document.date?.year ?? 0, volume: issue?.volume ?? 0, number: issue?.number ?? 0,
                                url: links.absoluteURL(article.route), language: graph.config.language(language)?.tag ?? language,
                                date: document.date, abstract: document.description,
                                doi: article.doi, licenseURL: article.license?.url,
                                issns: graph.config.issn.all.map(\.value))
        return (citation, authors)
    }

    func addScholarlyMetadata(to view: inout DocumentView, article: Article) {
        let (citation, authors) = citation(of: article)
        let issue = graph.issue(article.issueID)
        let (people, url) = (citation.authors, citation.url)
        view.citationMeta = highwireTags(article: article, authors: authors, people: people, issue: issue, url: url)
        view.citationHTML = citation.isChinese ? escape(citation.gbt7714) : citation.chicagoHTML
        view.gbt7714 = citation.isChinese ? nil : escape(citation.gbt7714)
        view.bibtex = citation.bibtex
        let files = SiteGraph.citationFileNames.compactMap { graph.citationRoute(of: article, file: $0).map(links.url) }
        if files.count == 3 { view.citationFiles = CitationFilesView(ris: files[0], bib: files[1], json: files[2]) }
        view.doi = article.doi?.value
        view.doiURL = article.doi?.url
        view.license = article.license.map { LicenseView(id: $0.id, url: $0.url, name: $0.name(in: article.document.language)) }
        view.jsonLD = jsonLD(article: article, people: people, journal: citation.journal, issue: issue, url: url, tag: citation.language)
    }

    /// Google Scholar's tags, each record in the article's own language and names, with one
    /// journal title on every language version (Scholar merges versions by it).
    private func highwireTags(article: Article, authors: [Author], people: [Citation.Person], issue: Issue?,
                              url: String) -> [MetaTagView] {
        let document = article.document
        let language = document.language
        var meta = [MetaTagView(name: "citation_title", content: document.title)]
        for (author, person) in zip(authors, people) {
            meta.append(MetaTagView(name: "citation_author", content: person.inverted))
            if let affiliation = author.affiliations[language] ?? author.affiliations["*"] {
                meta.append(MetaTagView(name: "citation_author_institution", content: affiliation))
            }
            if let orcid = author.orcid { meta.append(MetaTagView(name: "citation_author_orcid", content: ORCID.url(orcid))) }
        }
        if let date = document.date {
            meta.append(MetaTagView(name: "citation_publication_date", content: date.isoDay.replacingBytes("-", with: "/")))
        }
        meta.append(MetaTagView(name: "citation_journal_title", content: graph.config.title(in: defaultLanguage)))
        meta += graph.config.issn.all.map { MetaTagView(name: "citation_issn", content: $0.value) }
        if let publisher = graph.config.crossref?.registrant {
            meta.append(MetaTagView(name: "citation_publisher", content: publisher))
        }
        if let issue {
            meta.append(MetaTagView(name: "citation_volume", content: String(issue.volume)))
            meta.append(MetaTagView(name: "citation_issue", content: String(issue.number)))
        }
        if let doi = article.doi { meta.append(MetaTagView(name: "citation_doi", content: doi.value)) }
        let keywords = document.list("tags")
        if !keywords.isEmpty { meta.append(MetaTagView(name: "citation_keywords", content: keywords.joined(separator: "; "))) }
        meta.append(MetaTagView(name: "citation_language", content: language))
        meta.append(MetaTagView(name: "citation_abstract_html_url", content: url))
        meta.append(MetaTagView(name: "citation_public_url", content: url))
        return meta
    }

    private func jsonLD(article: Article, people: [Citation.Person], journal: String, issue: Issue?,
                        url: String, tag: String) -> String {
        let document = article.document
        var object: [String: JSONText] = [
            "@context": .string("https://schema.org"),
            "@type": .string("ScholarlyArticle"),
            "@id": .string(url),
            "url": .string(url),
            "headline": .string(document.title),
            "name": .string(document.title),
            "inLanguage": .string(tag),
            "author": .array(people.map { .object(["@type": .string("Person"), "name": .string($0.name)]) }),
        ]
        if let date = document.date { object["datePublished"] = .string(date.iso8601) }
        if let modified = document.lastModified { object["dateModified"] = .string(modified.iso8601) }
        if let description = document.description { object["description"] = .string(description) }
        if let doi = article.doi {
            object["identifier"] = .object(["@type": .string("PropertyValue"), "propertyID": .string("DOI"),
                                            "value": .string(doi.value)])
            object["sameAs"] = .string(doi.url)
        }
        if let license = article.license { object["license"] = .string(license.url) }
        if let issue {
            object["isPartOf"] = .object([
                "@type": .string("PublicationIssue"),
                "issueNumber": .string(String(issue.number)),
                "datePublished": .string(String(issue.year)),
                "isPartOf": .object([
                    "@type": .string("PublicationVolume"),
                    "volumeNumber": .string(String(issue.volume)),
                    "isPartOf": .object(["@type": .string("Periodical"), "name": .string(journal)]),
                ]),
            ])
        }
        // The default language's version is the original; the others are its translations.
        let versions = graph.translations(of: document).routes.filter { $0.key != document.language }.sorted { $0.key < $1.key }
        let reference = { (code: String, route: Route) -> JSONText in
            .object(["@type": .string("ScholarlyArticle"), "@id": .string(links.absoluteURL(route)),
                     "inLanguage": .string(graph.config.language(code)?.tag ?? code)])
        }
        if document.language == defaultLanguage || versions.allSatisfy({ $0.key != defaultLanguage }) {
            if !versions.isEmpty { object["workTranslation"] = .array(versions.map(reference)) }
        } else if let original = versions.first(where: { $0.key == defaultLanguage }) {
            object["translationOfWork"] = reference(original.key, original.value)
        }
        return JSONText.object(object).serialized
    }
}
