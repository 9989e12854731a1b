import DuetModel
import Foundation

/// Issues, authors and citations: the parts of a page that make the site a journal.
extension PageContextFactory {
    var defaultLanguage: String { graph.config.defaultLanguage }

    /// An article as listings and its own page show it: byline linked to author pages, its issue
    /// and section; with `detailed`, the citation metadata too.
    func view(of article: Article, in language: String? = nil, detailed: Bool = false) -> DocumentView {
        if !detailed, language == nil || language == article.document.language {
            return listings.view(of: article.document.sourcePath) { makeView(of: article, in: nil, detailed: false) }
        }
        return makeView(of: article, in: language, detailed: detailed)
    }

    private func makeView(of article: Article, in language: String?, detailed: Bool) -> DocumentView {
        DependencyRecorder.current?.record(.query(.article(article.document.sourcePath)))
        let document = article.document
        let pageLanguage = language ?? document.language
        // The article page starts from its listing view: its text is measured once per build.
        var view = detailed || language != nil
            ? self.view(of: article) : self.view(of: document, route: article.route, withContent: false)
        if detailed { view.content = links.rebased(document.bodyHTML) }
        view.etAl = nil
        let words = strings[document.language]
        let shown = detailed ? article.byline.authorIDs : Array(article.byline.authorIDs.prefix(article.byline.namedCount))
        view.byline = authorLinks(shown, language: document.language)
        view.authors = view.byline.isEmpty ? view.authors : view.byline.map { ($0.separator) + $0.name }.joined()
        if article.byline.etAl, !detailed || shown.count <= 1 {
            view.etAl = words["et_al"]
            view.authors = view.authors.map { $0 + words["et_al"] }
        }
        if let issue = graph.issue(article.issueID) { view.issue = issueLink(issue, language: document.language) }
        view.section = article.section.map { sectionName($0, language: document.language) }
        switch article.previewState {
        case .draft: view.previewNote = words["draft_note"]
        case .future: view.previewNote = words["future_note"]
        case .published, .unpublished: view.previewNote = nil
        }
        if pageLanguage != document.language {
            view.languageName = graph.config.language(document.language)?.name
        }
        if detailed { addScholarlyMetadata(to: &view, article: article) }
        if detailed { addRevisions(to: &view, article: article) }
        if detailed { addParallelLink(to: &view, article: article) }
        return view
    }

    func authorLinks(_ ids: [String], language: String) -> [AuthorLinkView] {
        let words = strings[language]
        return ids.enumerated().map { index, id in
            let name = graph.author(id)?.name(in: language, fallback: defaultLanguage) ?? id
            let separator = index == 0 ? "" : index == ids.count - 1
                ? words.values["author_last_separator"] ?? " and " : words.values["author_separator"] ?? ", "
            return AuthorLinkView(name: name, url: links.url(graph.authorRoute(id, language: language)), separator: separator)
        }
    }

    func sectionName(_ name: String, language: String) -> String {
        let key = "section_" + name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
        return strings[language].values[key] ?? name
    }

    func issueLink(_ issue: Issue, language: String) -> IssueLinkView {
        DependencyRecorder.current?.record(.issue(issue.id))
        let words = strings[language]
        let label = words.issueLabel(issue)
        return IssueLinkView(
            id: issue.id, title: issue.titles[language] ?? issue.titles["*"] ?? issue.titles[defaultLanguage],
            url: links.url(graph.issueRoute(issue.id, language: language)), label: label,
            quarter: words.formatQuarter(year: issue.year, quarter: issue.quarter),
            cover: issue.cover.map { $0.hasPrefix("/") ? links.basePath + $0 : $0 })
    }

    func issueView(_ issue: Issue, language: String) -> IssueView {
        DependencyRecorder.current?.record(.issue(issue.id))
        let index = graph.issues.firstIndex { $0.id == issue.id }
        let newer = index.flatMap { $0 > 0 ? graph.issues[$0 - 1] : nil }
        let older = index.flatMap { $0 + 1 < graph.issues.count ? graph.issues[$0 + 1] : nil }
        let sections = graph.tableOfContents(issue.id, language: language).map { group in
            SectionView(name: group.section.map { sectionName($0, language: language) },
                        articles: group.articles.map { view(of: $0) })
        }
        var page = IssueView(link: issueLink(issue, language: language),
                             note: issue.notesHTML[language] ?? issue.notesHTML["*"], sections: sections,
                             previous: older.map { issueLink($0, language: language) },
                             next: newer.map { issueLink($0, language: language) })
        page.epub = epubDownload(issue, language: language)
        return page
    }

    /// Every issue by year, newest first.
    func archive(language: String) -> [YearView] {
        var years: [YearView] = []
        for issue in graph.issues {
            let year = String(issue.year)
            if years.last?.year != year { years.append(YearView(year: year, issues: [])) }
            years[years.count - 1].issues.append(issueLink(issue, language: language))
        }
        return years
    }

    func authorView(_ author: Author, language: String, detailed: Bool) -> AuthorView {
        DependencyRecorder.current?.record(.author(author.id))
        let written = graph.articles(by: author.id)
        var view = AuthorView(
            name: author.name(in: language, fallback: defaultLanguage),
            url: links.url(graph.authorRoute(author.id, language: language)),
            affiliation: author.affiliations[language] ?? author.affiliations["*"],
            bio: author.biosHTML[language] ?? author.biosHTML["*"],
            photo: author.photo.map { $0.hasPrefix("/") ? links.basePath + $0 : $0 },
            website: author.website, orcid: author.orcid)
        let here = written.filter { $0.document.language == language }
        view.articleCount = strings[language].counted("article_count", here.count)
        guard detailed else { return view }
        for issue in graph.issues {
            let articles = here.filter { $0.issueID == issue.id }
            if !articles.isEmpty {
                view.groups.append(IssueGroupView(issue: issueLink(issue, language: language), articles: articles.map { self.view(of: $0) }))
            }
        }
        var coauthors: [String] = []
        for article in written {
            for id in article.byline.authorIDs where id != author.id && !coauthors.contains(id) { coauthors.append(id) }
        }
        view.coauthors = authorLinks(coauthors, language: language).map {
            var link = $0
            link.separator = $0.separator.isEmpty ? "" : strings[language].values["author_separator"] ?? ", "
            return link
        }
        view.elsewhere = written.filter {
            $0.document.language != language && graph.translations(of: $0.document).routes[language] == nil
        }.map { self.view(of: $0, in: language) }
        return view
    }

    /// The author index in alphabetical order of family name: in Chinese by pinyin (ICU
    /// collation), grouped under the pinyin initial.
    func authorIndex(language: String) -> [LetterView] {
        let locale = Locale(identifier: language.hasPrefix("zh") ? "zh@collation=pinyin" : language)
        let entries = graph.authors.values.map { author -> (key: String, letter: String, author: Author) in
            let family = author.familyName(in: language, fallback: defaultLanguage)
            return (family + " " + author.name(in: language, fallback: defaultLanguage), Self.initial(of: family, locale: locale), author)
        }.sorted { lhs, rhs in
            let order = lhs.key.compare(rhs.key, options: [.caseInsensitive], range: nil, locale: locale)
            return order == .orderedSame ? lhs.author.id < rhs.author.id : order == .orderedAscending
        }
        var letters: [LetterView] = []
        for entry in entries {
            if letters.last?.letter != entry.letter { letters.append(LetterView(letter: entry.letter, authors: [])) }
            letters[letters.count - 1].authors.append(authorView(entry.author, language: language, detailed: false))
        }
        return letters
    }

    /// The first character of the pinyin syllable of each letter, in pinyin collation order: a
    /// Chinese name belongs under the last letter whose first character sorts at or before it. ICU's
    /// collator does the work, without the cost of transliterating (about 0.1 s per process).
    private static let pinyinLetters: [(letter: String, first: String)] = [
        ("A", "阿"), ("B", "八"), ("C", "嚓"), ("D", "哒"), ("E", "妸"), ("F", "发"), ("G", "旮"), ("H", "哈"),
        ("J", "讥"), ("K", "咔"), ("L", "垃"), ("M", "妈"), ("N", "拏"), ("O", "噢"), ("P", "妑"), ("Q", "七"),
        ("R", "呥"), ("S", "仨"), ("T", "他"), ("W", "屲"), ("X", "夕"), ("Y", "丫"), ("Z", "帀"),
    ]

    static func initial(of name: String, locale: Locale) -> String {
        guard let first = name.first else { return "#" }
        let folded = String(first).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).uppercased()
        if folded.allSatisfy({ $0.isASCII && $0.isLetter }) { return folded }
        guard PlainText.isCJK(first) else { return Transliteration.shared.ascii(String(first)).prefix(1).uppercased() }
        var letter = "#"
        for (candidate, start) in pinyinLetters
        where String(first).compare(start, options: [], range: nil, locale: locale) != .orderedAscending {
            letter = candidate
        }
        return letter
    }
}
