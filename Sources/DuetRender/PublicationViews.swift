import DuetModel
import DuetTemplate

/// A linked author name in a byline, with the separator that goes before it in this language.
struct AuthorLinkView: TemplateView, Sendable {
    var name: String
    var url: String
    var separator: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        case "separator": return separator.isEmpty ? .none : .text(separator)
        default: return .none
        }
    }
}

/// An issue as a link: `Vol. 2, No. 1 · Q1 2025`.
struct IssueLinkView: TemplateView, Sendable {
    var id: String
    var title: String?
    var url: String
    var label: String
    var quarter: String
    var cover: String?

    func value(for name: String) -> TemplateValue {
        switch name {
        case "id": return TemplateValue(id)
        case "title": return TemplateValue(title)
        case "url": return TemplateValue(url)
        case "label": return TemplateValue(label)
        case "quarter": return TemplateValue(quarter)
        case "cover": return TemplateValue(cover)
        default: return .none
        }
    }
}

/// One section of a table of contents, its name in the page's language.
struct SectionView: TemplateView, Sendable {
    var name: String?
    var articles: [DocumentView]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "articles": return .views(articles)
        default: return .none
        }
    }
}

/// An issue page: cover, editors' note, table of contents, neighbours.
struct IssueView: TemplateView, Sendable {
    var link: IssueLinkView
    var note: String?
    var sections: [SectionView]
    var previous: IssueLinkView?
    var next: IssueLinkView?
    var epub: DownloadView?

    var isEmpty: Bool { sections.isEmpty }

    func value(for name: String) -> TemplateValue {
        switch name {
        case "epub": return TemplateValue(epub)
        case "note": return TemplateValue(note)
        case "sections": return sections.isEmpty ? .none : .views(sections)
        case "previous": return TemplateValue(previous)
        case "next": return TemplateValue(next)
        default: return link.value(for: name)
        }
    }
}

struct YearView: TemplateView, Sendable {
    var year: String
    var issues: [IssueLinkView]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "year": return TemplateValue(year)
        case "issues": return .views(issues)
        default: return .none
        }
    }
}

/// An author's page, and an entry of the author index.
struct AuthorView: TemplateView, Sendable {
    var name: String
    var url: String
    var affiliation: String?
    var bio: String?
    var photo: String?
    var website: String?
    var orcid: String?
    var groups: [IssueGroupView] = []
    var coauthors: [AuthorLinkView] = []
    /// Articles that exist only in another language, each marked with that language.
    var elsewhere: [DocumentView] = []
    var articleCount: String = ""

    func value(for name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        case "affiliation": return TemplateValue(affiliation)
        case "bio": return TemplateValue(bio)
        case "photo": return TemplateValue(photo)
        case "website": return TemplateValue(website)
        case "orcid": return TemplateValue(orcid)
        case "orcid_url": return TemplateValue(orcid.map { "https://orcid.org/\($0)" })
        case "groups": return groups.isEmpty ? .none : .views(groups)
        case "coauthors": return coauthors.isEmpty ? .none : .views(coauthors)
        case "has_coauthors": return .bool(!coauthors.isEmpty)
        case "elsewhere": return elsewhere.isEmpty ? .none : .views(elsewhere)
        case "has_elsewhere": return .bool(!elsewhere.isEmpty)
        case "article_count": return TemplateValue(articleCount)
        default: return .none
        }
    }
}

struct IssueGroupView: TemplateView, Sendable {
    var issue: IssueLinkView
    var articles: [DocumentView]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "issue": return TemplateValue(issue)
        case "articles": return .views(articles)
        default: return .none
        }
    }
}

struct LetterView: TemplateView, Sendable {
    var letter: String
    var authors: [AuthorView]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "letter": return TemplateValue(letter)
        case "authors": return .views(authors)
        default: return .none
        }
    }
}

/// `<meta name="citation_author" content="...">`: Highwire Press tags, as Google Scholar reads them.
struct MetaTagView: TemplateView, Sendable {
    var name: String
    var content: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "content": return TemplateValue(content)
        default: return .none
        }
    }
}

/// The licence in the footer and the head: `{{#license}}<a rel="license" href="{{url}}">{{name}}</a>{{/license}}`.
struct LicenseView: TemplateView, Sendable {
    var id: String
    var url: String
    /// In the language of the page.
    var name: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "id": return TemplateValue(id)
        case "url": return TemplateValue(url)
        case "name": return TemplateValue(self.name)
        default: return .none
        }
    }
}
