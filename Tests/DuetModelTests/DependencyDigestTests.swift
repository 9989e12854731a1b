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
