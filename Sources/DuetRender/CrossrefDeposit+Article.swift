import DuetModel

extension CrossrefDeposit {
    /// One language version: its titles (with the original's on a translation), contributors
    /// in its own script, abstract, date, licence, translation relations and where it lives.
    func journalArticle(_ article: Article) -> String {
        let config = graph.config
        let document = article.document
        let language = document.language
        let versions = otherVersions(of: article)
        let original = Self.original(of: article, among: versions, config: config)
        var text = "<journal_article language=\"\(Self.languageCode(language, config))\" publication_type=\"full_text\">\n"
        text += "<titles>\n<title>\(xml(document.title))</title>\n"
        if original.document.sourcePath != document.sourcePath {
            text += "<original_language_title language=\"\(Self.languageCode(original.document.language, config))\">"
                + "\(xml(original.document.title))</original_language_title>\n"
        }
        text += "</titles>\n" + contributors(article)
        let abstract = document.description ?? PlainText.from(html: document.excerptHTML)
        let summary = abstract.contains(where: { !$0.isWhitespace }) ? abstract : document.summary
        if summary.contains(where: { !$0.isWhitespace }) {
            text += "<jats:abstract xml:lang=\"\(xml(config.language(language)?.tag ?? language))\">\n"
                + "<jats:p>\(xml(summary))</jats:p>\n</jats:abstract>\n"
        }
        if let date = document.date { text += Self.publicationDate(date) }
        if let license = article.license {
            text += "<ai:program name=\"AccessIndicators\">\n<ai:free_to_read/>\n"
                + "<ai:license_ref applies_to=\"vor\">\(xml(license.url))</ai:license_ref>\n</ai:program>\n"
        }
        text += relations(article, original: original, versions: versions)
        let doi = article.doi.map(\.value) ?? ""
        text += "<doi_data>\n<doi>\(xml(doi))</doi>\n<resource>\(xml(links.absoluteURL(article.route)))</resource>\n</doi_data>\n"
        return text + "</journal_article>\n"
    }

    /// `hasTranslation` from the original to each version, `isTranslationOf` back: versions of one
    /// work are the same work in another language (an intra-work relation).
    private func relations(_ article: Article, original: Article, versions: [Article]) -> String {
        let related: [(String, DOI)]
        if original.document.sourcePath == article.document.sourcePath {
            related = versions.compactMap { version in version.doi.map { ("hasTranslation", $0) } }
        } else {
            related = original.doi.map { [("isTranslationOf", $0)] } ?? []
        }
        guard !related.isEmpty else { return "" }
        return "<rel:program name=\"relations\">\n" + related.map { type, doi in
            "<rel:related_item>\n<rel:intra_work_relation relationship-type=\"\(type)\" identifier-type=\"doi\">"
                + "\(xml(doi.value))</rel:intra_work_relation>\n</rel:related_item>\n"
        }.joined() + "</rel:program>\n"
    }

    private func contributors(_ article: Article) -> String {
        let language = article.document.language
        let fallback = graph.config.defaultLanguage
        let people = article.byline.authorIDs.map { id in graph.author(id) ?? Author(id: id, names: [language: id]) }
        guard !people.isEmpty else { return "" }
        var text = "<contributors>\n"
        for (index, author) in people.enumerated() {
            let person = Citation.Person(name: author.name(in: language, fallback: fallback),
                                         family: author.familyName(in: language, fallback: fallback),
                                         familyFirst: author.familyNameFirst(in: language, fallback: fallback))
            let surname = person.family.isEmpty ? person.name : person.family
            text += "<person_name sequence=\"\(index == 0 ? "first" : "additional")\" contributor_role=\"author\">\n"
            if !person.given.isEmpty { text += "<given_name>\(xml(person.given))</given_name>\n" }
            text += "<surname>\(xml(surname))</surname>\n"
            if let affiliation = author.affiliations[language] ?? author.affiliations["*"] ?? author.affiliations[fallback] {
                text += "<affiliations>\n<institution>\n<institution_name>\(xml(affiliation))</institution_name>\n"
                    + "</institution>\n</affiliations>\n"
            }
            if let orcid = author.orcid { text += "<ORCID>\(xml(ORCID.url(orcid)))</ORCID>\n" }
            text += "</person_name>\n"
        }
        return text + "</contributors>\n"
    }

    /// The article's other language versions, from the graph's translation set.
    private func otherVersions(of article: Article) -> [Article] {
        let document = article.document
        return graph.translations(of: document).routes.keys.sorted().filter { $0 != document.language }.compactMap { code in
            graph.articles(in: code).first { $0.document.translationID == document.translationID }
        }
    }

    /// The version the others translate: the earliest, the default language's on a tie (the
    /// rule `duet status` uses).
    static func original(of article: Article, among versions: [Article], config: SiteConfig) -> Article {
        let order = config.languages.map(\.code)
        func rank(_ language: String) -> Int {
            language == config.defaultLanguage ? -1 : order.firstIndex(of: language) ?? order.count
        }
        return ([article] + versions).min { a, b in
            let (da, db) = (a.document.date?.secondsSinceEpoch ?? 0, b.document.date?.secondsSinceEpoch ?? 0)
            return da != db ? da < db : rank(a.document.language) < rank(b.document.language)
        } ?? article
    }
}
