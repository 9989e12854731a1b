import DuetModel
import XCTest

final class SiteGraphBuilderTests: XCTestCase {
    private let config = SiteConfig(languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")])
    private let selection = ContentSelection(now: 1_900_000_000)
    private let day = PublicationDate(year: 2025, month: 1, day: 15)

    private func build(_ documents: [ParsedDocument]) -> (SiteGraph, [Diagnostic]) {
        SiteGraphBuilder(config: config, selection: selection).build(documents: documents)
    }

    func testRoutesFollowTheSitePatterns() {
        let post = document(path: "content/posts/en/2025-01-15-accord.md", slug: "accord", date: day)
        let page = document(.page, path: "content/pages/zh/about.md", language: "zh", slug: "about")
        let (graph, diagnostics) = build([post, page])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.route.outputPath), ["en/issues/2025-q1/accord/index.html"])
        XCTAssertEqual(graph.pages.map(\.route.path), ["/zh/about/"])
    }

    func testTwoDocumentsWithTheSameURLGiveOneErrorNamingBoth() throws {
        let first = document(path: "content/posts/en/2025-01-15-accord.md", slug: "accord", date: day)
        let second = document(path: "content/posts/en/2025-03-01-accord-again.md", slug: "accord",
                              date: PublicationDate(year: 2025, month: 3, day: 1),
                              frontMatter: [("title", .string("Again")), ("slug", .string("accord"))])
        let (graph, diagnostics) = build([second, first])
        XCTAssertEqual(diagnostics.count, 1)
        let message = try XCTUnwrap(diagnostics.first).description
        XCTAssertTrue(message.contains("URL /en/issues/2025-q1/accord/ is produced twice"), message)
        XCTAssertTrue(message.contains("content/posts/en/2025-01-15-accord.md"), message)
        XCTAssertTrue(message.contains("content/posts/en/2025-03-01-accord-again.md"), message)
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "content/posts/en/2025-03-01-accord-again.md"),
                       "reported at the second source, in path order")
        XCTAssertEqual(graph.articles.map(\.document.sourcePath), ["content/posts/en/2025-01-15-accord.md"])
    }

    func testPermalinkWithDotDotIsReportedAtThePermalinkKey() {
        let path = "content/posts/en/2025-01-15-escape.md"
        let post = document(path: path, slug: "escape", date: day,
                            frontMatter: [("title", .string("Escape")), ("layout", .string("post")),
                                          ("permalink", .string("/en/../../outside/"))])
        let (graph, diagnostics) = build([post])
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(path):4:1: error: permalink '/en/../../outside/' escapes the output folder ('.' and '..' segments are not allowed)",
        ])
        XCTAssertTrue(graph.articles.isEmpty)
    }

    func testUndeclaredLanguageIsAnError() {
        let path = "content/posts/fr/2025-01-15-bonjour.md"
        let post = document(path: path, language: "fr", slug: "bonjour", date: day,
                            frontMatter: [("title", .string("Bonjour")), ("lang", .string("fr"))])
        let (graph, diagnostics) = build([post])
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(path):3:1: error: language 'fr' is not declared in site.yml (declared: en, zh)",
        ])
        XCTAssertTrue(graph.articles.isEmpty)
    }

    func testPostWithoutDateIsAnError() {
        let post = document(path: "content/posts/en/undated.md", slug: "undated")
        let (_, diagnostics) = build([post])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "content/posts/en/undated.md"))
        XCTAssertTrue(diagnostics.first?.message.contains("post has no date") ?? false)
    }

    func testArticlesAreNewestFirstByInstant() {
        let older = document(path: "content/posts/en/a.md", slug: "older", date: PublicationDate(year: 2024, month: 12, day: 1))
        // 06:00 in Shanghai on the 15th is 22:00 UTC on the 14th: earlier than 23:00 UTC on the 14th.
        let shanghaiMorning = document(path: "content/posts/en/b.md", slug: "shanghai-morning",
                                       date: PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800))
        let londonNight = document(path: "content/posts/en/c.md", slug: "london-night",
                                   date: PublicationDate(year: 2025, month: 1, day: 14, hour: 23))
        let newest = document(path: "content/posts/zh/d.md", language: "zh", slug: "newest",
                              date: PublicationDate(year: 2025, month: 2, day: 1))
        let (graph, diagnostics) = build([older, shanghaiMorning, newest, londonNight])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.document.slug), ["newest", "london-night", "shanghai-morning", "older"])
        XCTAssertEqual(graph.articles(in: "en").map(\.document.slug), ["london-night", "shanghai-morning", "older"])
    }

    func testSameInstantIsOrderedByTitle() {
        let b = document(path: "content/posts/en/1.md", slug: "b", title: "Beta", date: day)
        let a = document(path: "content/posts/en/2.md", slug: "a", title: "Alpha", date: day)
        let (graph, _) = build([b, a])
        XCTAssertEqual(graph.articles.map(\.document.title), ["Alpha", "Beta"])
    }

    func testUnpublishedDraftAndFuturePostsAreLeftOut() {
        let draft = document(path: "content/posts/en/draft.md", slug: "draft", date: day, frontMatter: [("draft", .bool(true))])
        let hidden = document(path: "content/posts/en/hidden.md", slug: "hidden", date: day,
                              frontMatter: [("published", .bool(false))])
        let future = document(path: "content/posts/en/future.md", slug: "future", date: PublicationDate(year: 2040, month: 1, day: 1))
        let shown = document(path: "content/posts/en/shown.md", slug: "shown", date: day)
        let (graph, diagnostics) = build([draft, hidden, future, shown])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.document.slug), ["shown"])
    }

    /// The order the plan claims documents in: every article and page by source path, whether
    /// the builder gives it (from the order it routed them in) or the graph sorts the paths.
    func testSourceOrderIsEveryDocumentBySourcePath() {
        let posts = [("content/posts/en/2025-03-01-c.md", "c", 3), ("content/posts/en/2025-01-10-a.md", "a", 1),
                     ("content/posts/zh/2025-02-05-b.md", "b", 2)].map { path, slug, month in
            document(path: path, language: path.contains("/zh/") ? "zh" : "en", slug: slug,
                     date: PublicationDate(year: 2025, month: month, day: 1))
        }
        let pages = [("content/pages/zh/about.md", "zh"), ("content/pages/en/zeta.md", "en"), ("content/a/en/first.md", "en")]
            .map { path, language in document(.page, path: path, language: language, slug: String(path.split(separator: "/").last ?? "")) }
        let (graph, diagnostics) = build(pages + posts)
        XCTAssertEqual(diagnostics, [])
        func paths(_ order: [SiteGraph.Place], in graph: SiteGraph) -> [String] {
            order.map { place in
                switch place {
                case .article(let index): graph.article(at: index).document.sourcePath
                case .page(let index): graph.page(at: index).document.sourcePath
                }
            }
        }
        let expected = (posts + pages).map(\.sourcePath).sorted()
        XCTAssertEqual(paths(graph.sourceOrder, in: graph), expected)
        let sorted = SiteGraph(config: config, articles: graph.articles, pages: graph.pages)
        XCTAssertEqual(sorted.sourceOrder, graph.sourceOrder)
    }
}
