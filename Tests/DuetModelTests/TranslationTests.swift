import DuetModel
import XCTest

/// Versions of one article in several languages share a translation key (the file name by default).
final class TranslationTests: XCTestCase {
    private let config = SiteConfig(languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")])
    private let day = PublicationDate(year: 2025, month: 1, day: 15)

    private func build(_ documents: [ParsedDocument]) -> (SiteGraph, [Diagnostic]) {
        SiteGraphBuilder(config: config, selection: ContentSelection(now: 1_900_000_000)).build(documents: documents)
    }

    func testSameFileNameInTwoLanguagesPairs() throws {
        let en = document(path: "content/posts/en/2025-01-15-accord.md", slug: "accord", date: day)
        let zh = document(path: "content/posts/zh/2025-01-15-accord.md", language: "zh", slug: "accord", date: day)
        let lonely = document(path: "content/posts/en/2025-01-10-solo.md", slug: "solo", date: day)
        let (graph, diagnostics) = build([en, zh, lonely])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.translations(of: en).routes.mapValues(\.path), ["en": "/en/issues/2025-q1/accord/", "zh": "/zh/issues/2025-q1/accord/"])

        let target = graph.switchTarget(for: en, in: "zh")
        XCTAssertEqual(target.route.path, "/zh/issues/2025-q1/accord/")
        XCTAssertTrue(target.isTranslation)

        let fallback = graph.switchTarget(for: lonely, in: "zh")
        XCTAssertEqual(fallback.route.path, "/zh/issues/2025-q1/", "no translation: the reader goes to the article's issue in that language")
        XCTAssertFalse(fallback.isTranslation)
    }

    func testTranslationKeyClaimedTwiceInOneLanguageIsAnError() {
        let first = document(path: "content/posts/en/2025-01-15-one.md", slug: "one", date: day,
                             frontMatter: [("translation_key", .string("pact"))])
        let second = document(path: "content/posts/en/2025-01-16-two.md", slug: "two", date: day,
                              frontMatter: [("title", .string("Two")), ("translation_key", .string("pact"))])
        let (graph, diagnostics) = build([second, first])
        XCTAssertEqual(diagnostics.map(\.description), [
            "content/posts/en/2025-01-16-two.md:3:1: error: translation key 'pact' (from the translation_key) is claimed twice "
                + "in language 'en': by content/posts/en/2025-01-15-one.md and by content/posts/en/2025-01-16-two.md",
        ])
        XCTAssertEqual(graph.articles.map(\.document.slug), ["one"])
    }

    func testTranslationsThatDisagreeOnTheDateGetAWarning() {
        let en = document(path: "content/posts/en/2025-01-15-accord.md", slug: "accord", date: day)
        let zh = document(path: "content/posts/zh/2025-01-15-accord.md", language: "zh", slug: "accord",
                          date: PublicationDate(year: 2025, month: 1, day: 16),
                          frontMatter: [("title", .string("协定")), ("date", .string("2025-01-16"))])
        let (graph, diagnostics) = build([en, zh])
        XCTAssertEqual(diagnostics.map(\.description), [
            "content/posts/zh/2025-01-15-accord.md:3:1: warning: translations disagree on date: "
                + "content/posts/en/2025-01-15-accord.md has '2025-01-15', content/posts/zh/2025-01-15-accord.md has '2025-01-16'",
        ])
        XCTAssertEqual(graph.articles.count, 2, "a warning does not drop either version")
    }

    func testPageAndPostWithOneNameDoNotPair() {
        let post = document(path: "content/posts/en/about.md", slug: "about-post", date: day)
        let page = document(.page, path: "content/pages/zh/about.md", language: "zh", slug: "about")
        let (graph, diagnostics) = build([post, page])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.translations(of: post).routes.keys.sorted(), ["en"])
        XCTAssertEqual(graph.translations(of: page).routes.keys.sorted(), ["zh"])
    }
}
