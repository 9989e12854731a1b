import DuetModel
import Mustache

/// A linked author name in a byline, with the separator that goes before it in this language.
struct AuthorLinkView: MustacheParent, Sendable {
    var name: String
    var url: String
    var separator: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return url
        case "separator": return separator.isEmpty ? nil : separator
        default: return nil
        }
    }
}

/// An issue as a link: `Vol. 2, No. 1 · Q1 2025`.
struct IssueLinkView: MustacheParent, Sendable {
    var id: String
    var title: String?
    var url: String
    var label: String
    var quarter: String
    var cover: String?

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "url": return url
        case "label": return label
        case "quarter": return quarter
        case "cover": return cover
        default: return nil
        }
    }
}

/// One section of a table of contents, its name in the page's language.
struct SectionView: MustacheParent, Sendable {
    var name: String?
    var articles: [DocumentView]

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "articles": return articles
        default: return nil
        }
    }
}

/// An issue page: cover, editors' note, table of contents, neighbours.
struct IssueView: MustacheParent, Sendable {
    var link: IssueLinkView
    var note: String?
    var sections: [SectionView]
    var previous: IssueLinkView?
    var next: IssueLinkView?
    var epub: DownloadView?

    var isEmpty: Bool { sections.isEmpty }

    func child(named name: String) -> Any? {
        switch name {
        case "epub": return epub
        case "note": return note
        case "sections": return sections.isEmpty ? nil : sections
        case "previous": return previous
        case "next": return next
        default: return link.child(named: name)
        }
    }
}

struct YearView: MustacheParent, Sendable {
    var year: String
    var issues: [IssueLinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "year": return year
        case "issues": return issues
        default: return nil
        }
    }
}

/// An author's page, and an entry of the author index.
struct AuthorView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return url
        case "affiliation": return affiliation
        case "bio": return bio
        case "photo": return photo
        case "website": return website
        case "orcid": return orcid
        case "orcid_url": return orcid.map { "https://orcid.org/\($0)" }
        case "groups": return groups.isEmpty ? nil : groups
        case "coauthors": return coauthors.isEmpty ? nil : coauthors
        case "has_coauthors": return !coauthors.isEmpty
        case "elsewhere": return elsewhere.isEmpty ? nil : elsewhere
        case "has_elsewhere": return !elsewhere.isEmpty
        case "article_count": return articleCount
        default: return nil
        }
    }
}

struct IssueGroupView: MustacheParent, Sendable {
    var issue: IssueLinkView
    var articles: [DocumentView]

    func child(named name: String) -> Any? {
        switch name {
        case "issue": return issue
        case "articles": return articles
        default: return nil
        }
    }
}

struct LetterView: MustacheParent, Sendable {
    var letter: String
    var authors: [AuthorView]

    func child(named name: String) -> Any? {
        switch name {
        case "letter": return letter
        case "authors": return authors
        default: return nil
        }
    }
}

/// `<meta name="citation_author" content="...">`: Highwire Press tags, as Google Scholar reads them.
struct MetaTagView: MustacheParent, Sendable {
    var name: String
    var content: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "content": return content
        default: return nil
        }
    }
}

/// The licence in the footer and the head: `{{#license}}<a rel="license" href="{{url}}">{{name}}</a>{{/license}}`.
struct LicenseView: MustacheParent, Sendable {
    var id: String
    var url: String
    /// In the language of the page.
    var name: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "url": return url
        case "name": return self.name
        default: return nil
        }
    }
}
