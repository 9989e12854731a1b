import DuetModel
@testable import DuetRender
import XCTest

final class AtomFeedTests: XCTestCase {
    private let config = SiteConfig(titles: ["en": "Duet", "zh": "双声"], descriptions: ["en": "Dialogue & review"],
                                    baseURL: "https://example.org/review/",
                                    languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")])

    private func article(_ path: String, language: String, slug: String, title: String, day: Int, body: String,
                         authors: [String] = []) throws -> Article {
        let frontMatter = authors.isEmpty ? FrontMatter()
            : FrontMatter(entries: [.init(key: "authors", value: .list(authors.map(FrontMatterValue.string)),
                                          location: SourceLocation(file: path, line: 2, column: 1))])
        let document = ParsedDocument(kind: .post, sourcePath: path, language: language, slug: slug, title: title,
                                      date: PublicationDate(year: 2025, month: 1, day: day, hour: 9, utcOffsetSeconds: 28_800),
                                      frontMatter: frontMatter, bodyHTML: body, excerptHTML: "<p>Lead.</p>\n", headings: [])
        return Article(document: document, route: try Route.validated("/\(language)/2025/\(slug)/"))
    }

    private func feeds() throws -> (en: String, zh: String) {
        let theme = try Theme(templates: ["post", "page", "home", "root", "404"].map {
            TemplateSource(name: $0, role: .layout, path: "themes/t/layouts/\($0).mustache", text: $0)
        }, strings: [:])
        let articles = [
            try article("content/posts/en/2025-01-15-accord.md", language: "en", slug: "accord", title: "Ports & Pilots",
                        day: 15, body: "<p>See <a href=\"/en/2025/older/\">the earlier note</a>.</p>\n",
                        authors: ["Ana Ruiz", "Bo Chen"]),
            try article("content/posts/zh/2025-01-15-accord.md", language: "zh", slug: "accord", title: "港口与引航",
                        day: 15, body: "<p>正文</p>\n"),
            try article("content/posts/en/2025-01-02-older.md", language: "en", slug: "older", title: "Older", day: 2,
                        body: "<p>Old.</p>\n"),
        ]
        var translations: [TranslationSet.ID: TranslationSet] = [:]
        for article in articles {
            translations[article.document.translationID, default: TranslationSet(kind: .post, key: article.document.translationKey)]
                .routes[article.document.language] = article.route
        }
        let graph = SiteGraph(config: config, articles: articles, pages: [], translations: translations)
        let (files, diagnostics) = Renderer(theme: theme).render(graph)
        XCTAssertEqual(diagnostics, [])
        let en = try XCTUnwrap(files.first { $0.path == "en/feed.xml" }?.contents)
        let zh = try XCTUnwrap(files.first { $0.path == "zh/feed.xml" }?.contents)
        return (en, zh)
    }

    func testFeedHeaderIsAbsoluteAndEscaped() throws {
        let en = try feeds().en
        XCTAssertTrue(en.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"), en)
        XCTAssertTrue(en.contains("<subtitle>Dialogue &amp; review</subtitle>"), en)
        XCTAssertTrue(en.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/review/en/feed.xml\"/>"), en)
        XCTAssertTrue(en.contains("<id>https://example.org/review/en/</id>"), en)
        XCTAssertTrue(en.contains("<updated>2025-01-15T09:00:00+08:00</updated>"), en)
    }

    func testEntriesAreNewestFirstWithTheirAuthors() throws {
        let en = try feeds().en
        let accord = try XCTUnwrap(en.range(of: "<title>Ports &amp; Pilots</title>"))
        let older = try XCTUnwrap(en.range(of: "<title>Older</title>"))
        XCTAssertLessThan(accord.lowerBound, older.lowerBound)
        XCTAssertTrue(en.contains("<author><name>Ana Ruiz</name></author>\n<author><name>Bo Chen</name></author>"), en)
        XCTAssertFalse(en.contains("港口与引航"), "the English feed lists English articles only")
    }

    func testEntryLinksItsTranslation() throws {
        let (en, zh) = try feeds()
        XCTAssertTrue(en.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"zh-Hans\" href=\"https://example.org/review/zh/2025/accord/\"/>"), en)
        XCTAssertTrue(zh.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"en\" href=\"https://example.org/review/en/2025/accord/\"/>"), zh)
    }

    func testContentLinksAreMadeAbsoluteAndEscaped() throws {
        let en = try feeds().en
        XCTAssertTrue(en.contains("<content type=\"html\">&lt;p&gt;See &lt;a href=&quot;https://example.org/review/en/2025/older/&quot;&gt;"), en)
        XCTAssertTrue(en.contains("<summary type=\"html\">&lt;p&gt;Lead.&lt;/p&gt;\n</summary>"), en)
    }
}
