import DuetModel
import DuetTemplate

/// What a template sees of an article or a page. Typed and computed in Swift, so the logic
/// (how a date reads, which translation exists) is tested code, not template code.
struct DocumentView: TemplateView, Sendable {
    var title: String
    /// The title as markup for headings and listings (`{{{title_html}}}`): inline HTML the
    /// author wrote, through an allow-list; `title` is its plain text for `<title>` and metadata.
    var titleHTML: String = ""
    var url: String
    var date: String?
    var dateISO: String?
    var excerpt: String
    var content: String
    var authors: String?
    var description: String?
    /// Plain text for `<meta name="description">`: the description, or the excerpt cut to length.
    var summary: String
    var readingTime: String
    var image: String?
    var language: String
    var tags: [String]
    var params: FrontMatter
    /// Linked authors: on listings those the byline names, on the article page everyone.
    var byline: [AuthorLinkView] = []
    /// "et al." / "等" after a shortened byline.
    var etAl: String?
    var issue: IssueLinkView?
    var section: String?
    /// Shown on a draft or future post while previewing.
    var previewNote: String?
    /// Set on the article page only: metadata for libraries and a ready-made citation.
    var citationMeta: [MetaTagView] = []
    var jsonLD: String?
    var citationHTML: String?
    var bibtex: String?
    /// GB/T 7714 of an English article, for readers who cite it in Chinese (Chinese pages show it
    /// as their main citation).
    var gbt7714: String?
    /// The article's `cite.ris`, `cite.bib` and `cite.json`.
    var citationFiles: CitationFilesView?
    /// Set on the article page only: its corrections, newest last, its `updated:` line, and on a
    /// translation that its original has changed since, the note that says so.
    var corrections: [CorrectionView] = []
    var updatedHTML: String?
    var revisedOriginal: RevisedOriginalView?
    /// The registered DOI and its resolver link (`https://doi.org/...`), on the article page.
    var doi: String?
    var doiURL: String?
    /// The licence the article is published under, on the article page.
    var license: LicenseView?
    /// The language's own name, for articles listed on a page of another language.
    var languageName: String?
    /// The parallel reading view of this article and the link's text, on the article page only.
    var parallelURL: String?
    var parallelLabel: String?
    /// The article's `image:` shown under its title (and as a thumbnail where listings want one).
    var figure: ArticleFigureView?

    func value(for name: String) -> TemplateValue {
        switch name {
        case "byline": return byline.isEmpty ? .none : .views(byline)
        case "has_byline": return .bool(!byline.isEmpty)
        case "et_al": return TemplateValue(etAl)
        case "issue": return TemplateValue(issue)
        case "section": return TemplateValue(section)
        case "citation_meta": return citationMeta.isEmpty ? .none : .views(citationMeta)
        case "json_ld": return TemplateValue(jsonLD)
        case "citation": return TemplateValue(citationHTML)
        case "bibtex": return TemplateValue(bibtex)
        case "citation_gbt": return TemplateValue(gbt7714)
        case "citation_files": return TemplateValue(citationFiles)
        case "corrections": return corrections.isEmpty ? .none : .views(corrections)
        case "updated_notice": return TemplateValue(updatedHTML)
        case "revised_original": return TemplateValue(revisedOriginal)
        case "doi": return TemplateValue(doi)
        case "doi_url": return TemplateValue(doiURL)
        case "license": return TemplateValue(license)
        case "language_name": return TemplateValue(languageName)
        case "preview_note": return TemplateValue(previewNote)
        case "parallel_url": return TemplateValue(parallelURL)
        case "parallel_label": return TemplateValue(parallelLabel)
        case "figure": return TemplateValue(figure)
        case "title": return TemplateValue(title)
        case "title_html": return .text(titleHTML.isEmpty ? title.markupEscaped : titleHTML)
        case "url": return TemplateValue(url)
        case "date": return TemplateValue(date)
        case "date_iso": return TemplateValue(dateISO)
        case "excerpt": return excerpt.isEmpty ? .none : .text(excerpt)
        case "content": return TemplateValue(content)
        case "authors": return TemplateValue(authors)
        case "description": return TemplateValue(description)
        case "summary": return TemplateValue(summary)
        case "reading_time": return TemplateValue(readingTime)
        case "image": return TemplateValue(image)
        case "lang": return TemplateValue(language)
        case "tags": return tags.isEmpty ? .none : .texts(tags)
        case "params": return .view(ParamsView(frontMatter: params))
        default: return params[name]?.templateValue ?? .none
        }
    }
}

/// One entry of the language switcher: the same page in another language, or, when it has no
/// translation yet, the nearest page that exists there, with a note saying so.
struct LanguageLinkView: TemplateView, Sendable {
    var code: String
    var tag: String
    var name: String
    var url: String
    var isCurrent: Bool
    /// Set when `url` is a fallback: the note, in the language of the page showing it.
    var missingNote: String?
    /// That language's interface strings, on the site-wide 404 only, which speaks every language.
    var words: [String: String]? = nil

    func value(for name: String) -> TemplateValue {
        switch name {
        case "code": return TemplateValue(code)
        case "tag": return TemplateValue(tag)
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        case "current": return .bool(isCurrent)
        case "missing": return .bool(missingNote != nil)
        case "missing_note": return TemplateValue(missingNote)
        case "words": return words.map { .view(StringTable($0)) } ?? .none
        default: return .none
        }
    }
}

/// One `<link rel="alternate" hreflang>`: only for versions that exist, with absolute URLs.
struct AlternateView: TemplateView, Sendable {
    var hreflang: String
    var url: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "hreflang": return TemplateValue(hreflang)
        case "url": return TemplateValue(url)
        default: return .none
        }
    }
}

/// The context every template gets: the site, the page's language and words, and what the page shows.
struct PageContext: TemplateView, Sendable {
    var siteTitle: String
    var homeURL: String
    var rootURL: String
    var feedURL: String
    var archiveURL: String
    var authorsURL: String
    var language: Language
    var strings: Strings
    /// `<title>`: the page title and the publication, or the publication alone on a home page.
    var documentTitle: String
    var description: String
    var canonical: String
    var stylesheet: String
    var document: DocumentView?
    var articles: [DocumentView] = []
    var issue: IssueView?
    var currentIssue: IssueView?
    var years: [YearView] = []
    var author: AuthorView?
    var letters: [LetterView] = []
    var languages: [LanguageLinkView]
    var alternates: [AlternateView]
    var searchURL: String = ""
    var combinedFeedURL: String = ""
    /// Scheme and host of the base URL (`https://example.org`), to make image paths absolute.
    var origin: String = ""
    var parallel: ParallelView?
    var search: SearchPageView?

    func value(for name: String) -> TemplateValue {
        switch name {
        case "search_url": return TemplateValue(searchURL)
        case "combined_feed_url": return TemplateValue(combinedFeedURL)
        case "social_image": return TemplateValue(socialImage)
        case "parallel": return TemplateValue(parallel)
        case "search": return TemplateValue(search)
        case "site_title": return TemplateValue(siteTitle)
        case "home_url": return TemplateValue(homeURL)
        case "root_url": return TemplateValue(rootURL)
        case "feed_url": return TemplateValue(feedURL)
        case "lang": return TemplateValue(language.code)
        case "lang_tag": return TemplateValue(language.tag)
        case "og_locale": return TemplateValue(language.locale)
        case "t": return .view(StringTable(strings.values))
        case "document_title": return TemplateValue(documentTitle)
        case "description": return TemplateValue(description)
        case "canonical": return TemplateValue(canonical)
        case "stylesheet": return TemplateValue(stylesheet)
        case "page": return TemplateValue(document)
        case "articles": return articles.isEmpty ? .none : .views(articles)
        case "issue": return TemplateValue(issue)
        case "current_issue": return TemplateValue(currentIssue)
        case "years": return years.isEmpty ? .none : .views(years)
        case "author": return TemplateValue(author)
        case "letters": return letters.isEmpty ? .none : .views(letters)
        case "archive_url": return TemplateValue(archiveURL)
        case "authors_url": return TemplateValue(authorsURL)
        case "languages": return .views(languages)
        case "translation_missing": return .bool(languages.contains { $0.missingNote != nil })
        case "alternates": return alternates.isEmpty ? .none : .views(alternates)
        default: return .none
        }
    }
}

/// Every front matter key, known or not, as `{{page.params.key}}` (Hugo's `.Params`).
struct ParamsView: TemplateView, Sendable {
    var frontMatter: FrontMatter

    func value(for name: String) -> TemplateValue { frontMatter[name]?.templateValue ?? .none }
}

/// A table of words (`{{t.home}}`, a language's `words`): a key it lacks is not there, so the
/// lookup goes on, as it did for the dictionary this replaces.
struct StringTable: TemplateView, Sendable {
    var values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    func value(for name: String) -> TemplateValue { TemplateValue(values[name]) }
}

extension FrontMatterValue {
    /// The value as a template reads it: text, numbers and flags (printed as Swift prints them,
    /// `2.0`, `true`), lists and string-keyed maps; null is absent, and dropped from lists and maps.
    var templateValue: TemplateValue? {
        switch self {
        case .string(let s): return .text(s)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .null: return nil
        case .list(let items): return .list(items.compactMap(\.templateValue))
        case .map(let pairs):
            return .map(Dictionary(pairs.compactMap { pair in pair.value.templateValue.map { (pair.key, $0) } },
                                   uniquingKeysWith: { first, _ in first }))
        }
    }
}
