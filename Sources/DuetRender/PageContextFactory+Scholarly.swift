import DuetModel
import Foundation

/// What libraries and Google Scholar read from an article page: Highwire Press tags and JSON-LD
/// in the article's own language and script, and a citation to copy.
extension PageContextFactory {
    /// The article's citation in its own language and names: the cite block and the citation
    /// files are made from it.
    func citation(of article: Article) -> Citation {
        DependencyRecorder.current?.record(.query(.article(article.document.sourcePath)))
        let document = article.document
        let language = document.language
        let issue = graph.issue(article.issueID)
        let people = article.byline.authorIDs.map { id -> Citation.Person in
            let author = graph.author(id) ?? Author(id: id, names: [language: id])
            return Citation.Person(name: author.name(in: language, fallback: defaultLanguage),
                                   family: author.familyName(in: language, fallback: defaultLanguage),
                                   familyFirst: author.familyNameFirst(in: language, fallback: defaultLanguage),
                                   latinFamily: author.familyName(in: defaultLanguage, fallback: language))
        }
        return Citation(title: document.title, authors: people, journal: graph.config.title(in: language),
                        year: document.date?.year ?? 0, volume: issue?.volume ?? 0, number: issue?.number ?? 0,
                        url: links.absoluteURL(article.route), language: graph.config.language(language)?.tag ?? language,
                        date: document.date, abstract: document.description,
                        doi: article.doi?.value, licenseURL: article.license?.url)
    }

    func addScholarlyMetadata(to view: inout DocumentView, article: Article) {
        let document = article.document
        let language = document.language
        let citation = citation(of: article)
        let journal = citation.journal
        let issue = graph.issue(article.issueID)
        let people = citation.authors
        let url = citation.url
        let tag = citation.language

        var meta = [MetaTagView(name: "citation_title", content: document.title)]
        meta += people.map { MetaTagView(name: "citation_author", content: $0.inverted) }
        if let date = document.date {
            meta.append(MetaTagView(name: "citation_publication_date", content: date.isoDay.replacing("-", with: "/")))
        }
        meta.append(MetaTagView(name: "citation_journal_title", content: journal))
        if let issue {
            meta.append(MetaTagView(name: "citation_volume", content: String(issue.volume)))
            meta.append(MetaTagView(name: "citation_issue", content: String(issue.number)))
        }
        meta.append(MetaTagView(name: "citation_language", content: language))
        meta.append(MetaTagView(name: "citation_public_url", content: url))
        view.citationMeta = meta

        view.citationHTML = citation.isChinese ? escape(citation.gbt7714) : citation.chicagoHTML
        view.gbt7714 = citation.isChinese ? nil : escape(citation.gbt7714)
        view.bibtex = citation.bibtex
        let files = SiteGraph.citationFileNames.compactMap { graph.citationRoute(of: article, file: $0).map(links.url) }
        if files.count == 3 { view.citationFiles = CitationFilesView(ris: files[0], bib: files[1], json: files[2]) }
        view.jsonLD = jsonLD(article: article, people: people, journal: journal, issue: issue, url: url, tag: tag)
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
