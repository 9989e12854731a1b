@testable import DuetModel
import XCTest

/// The digests that decide whether an output is current cover every field they stand for: a
/// field added to a type and forgotten in its digest would make pages silently stale.
final class DependencyDigestTests: XCTestCase {
    func testEveryFieldOfTheDigestedTypesIsDigested() {
        let document = document(path: "content/posts/en/2025-01-15-a.md", slug: "a", date: PublicationDate(year: 2025, month: 1, day: 15))
        XCTAssertEqual(Mirror(reflecting: document.unrecordedMeta).children.count, ParsedDocument.Meta.digestedFieldCount,
                       "a field was added to ParsedDocument.Meta: add it to Meta.combine(into:)")
        let article = Article(document: document, route: Route(checkedPath: "/en/a/"))
        XCTAssertEqual(Mirror(reflecting: article).children.count, Article.identityFieldCount.article,
                       "a field was added to Article: add it to Article.combineIdentity(into:)")
        XCTAssertEqual(Mirror(reflecting: article.byline).children.count, Article.identityFieldCount.byline)
        XCTAssertEqual(Mirror(reflecting: article.route).children.count, Article.identityFieldCount.route)
        XCTAssertEqual(Mirror(reflecting: Self.author).children.count, Author.digestedFieldCount,
                       "a field was added to Author: add it to Author.combine(into:)")
        XCTAssertEqual(Mirror(reflecting: Self.issue).children.count, Issue.digestedFieldCount,
                       "a field was added to Issue: add it to Issue.combine(into:)")
        XCTAssertEqual(Mirror(reflecting: PublicationDate(year: 2025, month: 1, day: 1)).children.count,
                       PublicationDate.digestedFieldCount, "a field was added to PublicationDate: add it to PublicationDate.combine")
    }

    private static let author = Author(id: "lin", names: ["en": "Lin Wei", "zh": "林伟"], familyNames: ["en": "Lin"],
                                       affiliations: ["en": "Fudan"], biosHTML: ["en": "<p>Bio.</p>"], photo: "lin.jpg",
                                       website: "https://example.org", orcid: "0000-0002-1825-0097", sourcePath: "content/authors/lin.yml")
    private static let issue = Issue(id: "2025-q1", year: 2025, quarter: 1, volume: 3, number: 1, titles: ["en": "Spring"],
                                     cover: "cover.jpg", published: PublicationDate(year: 2025, month: 3, day: 1),
                                     notesHTML: ["en": "<p>Note.</p>"], sourcePath: "content/issues/2025-q1.yml")

    /// Each field of an author and of an issue reaches the digests of the reads that give it:
    /// the one author or issue, and the list of them all.
    func testEachAuthorAndIssueFieldChangesItsReads() {
        func digests(_ author: Author, _ issue: Issue) -> [UInt64?] {
            let graph = SiteGraph(config: SiteConfig(), articles: [], pages: [], issues: [issue], authors: [author.id: author])
            let model = ModelDigests(graph: graph)
            return [model.digest(of: .author(author.id)), model.digest(of: .query(.authors)),
                    model.digest(of: .issue(issue.id)), model.digest(of: .query(.issues))]
        }
        let original = digests(Self.author, Self.issue)
        let date = PublicationDate(year: 2025, month: 3, day: 1)
        let authorEdits: [(String, (inout Author) -> Void)] = [
            ("names", { $0.names["zh"] = "林威" }), ("family names", { $0.familyNames["zh"] = "林" }),
            ("affiliations", { $0.affiliations = [:] }), ("bios", { $0.biosHTML["en"] = "<p>Another.</p>" }),
            ("photo", { $0.photo = nil }), ("website", { $0.website = "https://example.com" }),
            ("orcid", { $0.orcid = nil }), ("source path", { $0.sourcePath = nil }),
        ]
        for (name, edit) in authorEdits {
            var author = Self.author
            edit(&author)
            let changed = digests(author, Self.issue)
            XCTAssertNotEqual(changed[0], original[0], name)
            XCTAssertNotEqual(changed[1], original[1], name)
            XCTAssertEqual(changed[2...], original[2...], name)
        }
        var renamed = Self.author
        renamed.id = "lin-wei"
        XCTAssertNotEqual(digests(renamed, Self.issue)[1], original[1], "id")
        let issueEdits: [(String, (inout Issue) -> Void)] = [
            ("year", { $0.year = 2026 }), ("quarter", { $0.quarter = 2 }), ("volume", { $0.volume = 4 }),
            ("number", { $0.number = 2 }), ("titles", { $0.titles["zh"] = "春" }), ("cover", { $0.cover = nil }),
            ("published", { $0.published = nil }), ("published day", { $0.published = PublicationDate(year: 2025, month: 3, day: 2) }),
            ("published hour", { $0.published?.hour = 1 }), ("published offset", { $0.published?.utcOffsetSeconds = 28_800 }),
            ("notes", { $0.notesHTML = [:] }), ("source path", { $0.sourcePath = nil }),
        ]
        XCTAssertEqual(Self.issue.published, date)
        for (name, edit) in issueEdits {
            var issue = Self.issue
            edit(&issue)
            let changed = digests(Self.author, issue)
            XCTAssertEqual(changed[...1], original[...1], name)
            XCTAssertNotEqual(changed[2], original[2], name)
            XCTAssertNotEqual(changed[3], original[3], name)
        }
        var moved = Self.issue
        moved.id = "2025-q2"
        XCTAssertNotEqual(digests(Self.author, moved)[3], original[3], "id")
        XCTAssertEqual(digests(Self.author, Self.issue), original, "the same values digest the same")
    }

    func testEachMetaFieldChangesTheMetaDigestAndNotTheBodyDigest() {
        let base = document(path: "content/posts/en/2025-01-15-a.md", slug: "a", title: "A",
                            date: PublicationDate(year: 2025, month: 1, day: 15))
        func digests(_ document: ParsedDocument) -> (meta: UInt64?, body: UInt64?) {
            let graph = SiteGraph(config: SiteConfig(), articles: [Article(document: document, route: Route(checkedPath: "/en/a/"))], pages: [])
            let model = ModelDigests(graph: graph)
            return (model.digest(of: .meta(document.sourcePath)), model.digest(of: .body(document.sourcePath)))
        }
        let original = digests(base)
        let edits: [(String, (inout ParsedDocument) -> Void)] = [
            ("slug", { $0.slug = "b" }), ("title", { $0.title = "B" }),
            ("date", { $0.date = PublicationDate(year: 2025, month: 1, day: 16) }),
            ("front matter", { $0.frontMatter.entries.append(.init(key: "k", value: .string("v"), location: SourceLocation(file: "x"))) }),
            ("excerpt", { $0.excerptHTML = "<p>new</p>" }), ("reading time", { $0.readingMinutes += 1 }),
            ("summary", { $0.summary = "new" }),
            ("updated", { $0.updated = PublicationDate(year: 2025, month: 2, day: 1) }),
            ("corrections", { $0.corrections = [Correction(date: PublicationDate(year: 2025, month: 2, day: 3), notes: ["*": "A figure fixed."])] }),
        ]
        for (name, edit) in edits {
            var changed = base
            edit(&changed)
            XCTAssertNotEqual(digests(changed).meta, original.meta, name)
            XCTAssertEqual(digests(changed).body, original.body, name)
        }
        var body = base
        body.bodyHTML = "<p>another body</p>"
        XCTAssertEqual(digests(body).meta, original.meta)
        XCTAssertNotEqual(digests(body).body, original.body)
    }

    func testReadsAreRecordedOnlyWhileRecording() {
        let page = document(path: "content/posts/en/2025-01-15-a.md", slug: "a")
        let recorder = DependencyRecorder()
        _ = page.title
        XCTAssertEqual(recorder.dependencies, [])
        recorder.recording { _ = page.title; _ = page.bodyHTML }
        XCTAssertEqual(recorder.dependencies, [.meta(page.sourcePath), .body(page.sourcePath)])
    }
}

/// A title's inline HTML reaches headings and listings through an allow-list only.
final class TitleMarkupTests: XCTestCase {
    func testAllowedTagsStayAndEverythingElseIsText() {
        XCTAssertEqual(TitleMarkup.html("<i>Nature</i> &amp; &ldquo;Us&rdquo;"), "<i>Nature</i> &amp; &ldquo;Us&rdquo;")
        XCTAssertEqual(TitleMarkup.html("<em class=\"x\" onclick=\"y()\">Tides</em>"), "<em>Tides</em>", "attributes are dropped")
        XCTAssertEqual(TitleMarkup.html("<script>alert(1)</script>Sea"), "alert(1)Sea", "a script tag is never kept")
        XCTAssertEqual(TitleMarkup.html("<a href=\"x\">Link</a> & more"), "Link &amp; more")
        XCTAssertEqual(TitleMarkup.html("<b>unclosed and 1 < 2"), "<b>unclosed and 1 &lt; 2</b>")
        XCTAssertEqual(TitleMarkup.html("a</strong>b"), "ab", "a closing tag with no opening is dropped")
        XCTAssertEqual(TitleMarkup.html("中美<code>API</code>对话"), "中美<code>API</code>对话")
        XCTAssertEqual(TitleMarkup.html("x < y > z"), "x &lt; y &gt; z", "a < that opens no tag is text")
    }
}
