import DuetModel
import Mustache

/// What a template sees of an article or a page. Typed and computed in Swift, so the logic
/// (how a date reads, which translation exists) is tested code, not template code.
struct DocumentView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "byline": return byline.isEmpty ? nil : byline
        case "has_byline": return !byline.isEmpty
        case "et_al": return etAl
        case "issue": return issue
        case "section": return section
        case "citation_meta": return citationMeta.isEmpty ? nil : citationMeta
        case "json_ld": return jsonLD
        case "citation": return citationHTML
        case "bibtex": return bibtex
        case "citation_gbt": return gbt7714
        case "citation_files": return citationFiles
        case "corrections": return corrections.isEmpty ? nil : corrections
        case "updated_notice": return updatedHTML
        case "revised_original": return revisedOriginal
        case "doi": return doi
        case "doi_url": return doiURL
        case "license": return license
        case "language_name": return languageName
        case "preview_note": return previewNote
        case "parallel_url": return parallelURL
        case "parallel_label": return parallelLabel
        case "figure": return figure
        case "title": return title
        case "title_html": return titleHTML.isEmpty ? title.markupEscaped : titleHTML
        case "url": return url
        case "date": return date
        case "date_iso": return dateISO
        case "excerpt": return excerpt.isEmpty ? nil : excerpt
        case "content": return content
        case "authors": return authors
        case "description": return description
        case "summary": return summary
        case "reading_time": return readingTime
        case "image": return image
        case "lang": return language
        case "tags": return tags.isEmpty ? nil : tags
        case "params": return ParamsView(frontMatter: params)
        default: return params[name]?.templateValue
        }
    }
}

/// One entry of the language switcher: the same page in another language, or, when it has no
/// translation yet, the nearest page that exists there, with a note saying so.
struct LanguageLinkView: MustacheParent, Sendable {
    var code: String
    var tag: String
    var name: String
    var url: String
    var isCurrent: Bool
    /// Set when `url` is a fallback: the note, in the language of the page showing it.
    var missingNote: String?
    /// That language's interface strings, on the site-wide 404 only, which speaks every language.
    var words: [String: String]? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "code": return code
        case "tag": return tag
        case "name": return self.name
        case "url": return url
        case "current": return isCurrent
        case "missing": return missingNote != nil
        case "missing_note": return missingNote
        case "words": return words
        default: return nil
        }
    }
}

/// One `<link rel="alternate" hreflang>`: only for versions that exist, with absolute URLs.
struct AlternateView: MustacheParent, Sendable {
    var hreflang: String
    var url: String

    func child(named name: String) -> Any? {
        switch name {
        case "hreflang": return hreflang
        case "url": return url
        default: return nil
        }
    }
}

/// The context every template gets: the site, the page's language and words, and what the page shows.
struct PageContext: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "search_url": return searchURL
        case "combined_feed_url": return combinedFeedURL
        case "social_image": return socialImage
        case "parallel": return parallel
        case "search": return search
        case "site_title": return siteTitle
        case "home_url": return homeURL
        case "root_url": return rootURL
        case "feed_url": return feedURL
        case "lang": return language.code
        case "lang_tag": return language.tag
        case "og_locale": return language.locale
        case "t": return strings.values
        case "document_title": return documentTitle
        case "description": return description
        case "canonical": return canonical
        case "stylesheet": return stylesheet
        case "page": return document
        case "articles": return articles.isEmpty ? nil : articles
        case "issue": return issue
        case "current_issue": return currentIssue
        case "years": return years.isEmpty ? nil : years
        case "author": return author
        case "letters": return letters.isEmpty ? nil : letters
        case "archive_url": return archiveURL
        case "authors_url": return authorsURL
        case "languages": return languages
        case "translation_missing": return languages.contains { $0.missingNote != nil }
        case "alternates": return alternates.isEmpty ? nil : alternates
        default: return nil
        }
    }
}

/// Every front matter key, known or not, as `{{page.params.key}}` (Hugo's `.Params`).
struct ParamsView: MustacheParent, Sendable {
    var frontMatter: FrontMatter

    func child(named name: String) -> Any? { frontMatter[name]?.templateValue }
}

extension FrontMatterValue {
    /// The value as swift-mustache walks it: text, numbers, lists and string-keyed maps.
    var templateValue: Any? {
        switch self {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .null: return nil
        case .list(let items): return items.compactMap(\.templateValue)
        case .map(let pairs):
            return Dictionary(pairs.compactMap { pair in pair.value.templateValue.map { (pair.key, $0) } },
                              uniquingKeysWith: { first, _ in first })
        }
    }
}
