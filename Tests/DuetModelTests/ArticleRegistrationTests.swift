import DuetModel
import XCTest

/// Each article's DOI and licence as the graph resolves them: the front matter's, else the site's.
final class ArticleRegistrationTests: XCTestCase {
    private let january = PublicationDate(year: 2025, month: 1, day: 21)

    private func build(_ documents: [ParsedDocument], prefix: String? = "10.5555",
                       license: License? = License.known("CC-BY-4.0")) -> (SiteGraph, [Diagnostic]) {
        var config = SiteConfig(languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")])
        config.doiPrefix = prefix
        config.license = license
        return SiteGraphBuilder(config: config, selection: ContentSelection(now: 1_900_000_000)).build(documents: documents)
    }

    private func post(_ slug: String, language: String = "en", doi: DOI? = nil, license: License? = nil,
                      _ frontMatter: [(String, FrontMatterValue)] = []) -> ParsedDocument {
        var made = document(path: "content/posts/\(language)/2025-01-21-\(slug).md", language: language, slug: slug,
                            date: january, frontMatter: frontMatter)
        made.doiOverride = doi
        made.licenseOverride = license
        return made
    }

    func testEachLanguageVersionGetsItsOwnDOIFromTheDefaultPattern() {
        let (graph, diagnostics) = build([post("designing-the-small-table"), post("designing-the-small-table", language: "zh")])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map { $0.doi?.value }.sorted { ($0 ?? "") < ($1 ?? "") },
                       ["10.5555/duet.2025-q1.designing-the-small-table.en", "10.5555/duet.2025-q1.designing-the-small-table.zh"])
        XCTAssertEqual(graph.articles.map { $0.license?.id }, ["CC-BY-4.0", "CC-BY-4.0"])
    }

    func testFrontMatterOverridesTheDOIAndTheLicence() throws {
        let cc0 = try XCTUnwrap(License.known("CC0-1.0"))
        let (graph, _) = build([post("tides", doi: DOI("10.5555/legacy-17"), license: cc0, [("doi", .string("10.5555/legacy-17"))])])
        XCTAssertEqual(graph.articles.first?.doi?.value, "10.5555/legacy-17")
        XCTAssertEqual(graph.articles.first?.license, cc0)
    }

    func testWithoutAPrefixNoArticleHasADOI() {
        let (graph, diagnostics) = build([post("tides")], prefix: nil, license: nil)
        XCTAssertEqual(diagnostics, [])
        XCTAssertNil(graph.articles.first?.doi)
        XCTAssertNil(graph.articles.first?.license)
    }

    func testAMalformedDOIGivesNoDOIRatherThanThePatterns() {
        // The parser warned at the line; the pattern's DOI would not be the one the editors meant.
        let (graph, _) = build([post("tides", [("doi", .string("10.55/x"))])])
        XCTAssertNil(graph.articles.first?.doi)
    }

    func testTwoArticlesWithOneDOIIsAnErrorNamingBoth() {
        let (graph, diagnostics) = build([
            post("tides", doi: DOI("10.5555/SAME"), [("doi", .string("10.5555/SAME"))]),
            post("currents", doi: DOI("10.5555/same"), [("doi", .string("10.5555/same"))]),
        ])
        XCTAssertEqual(diagnostics.map(\.description), [
            "content/posts/en/2025-01-21-tides.md:2:1: error: DOI 10.5555/SAME is given to two articles: "
                + "content/posts/en/2025-01-21-currents.md and content/posts/en/2025-01-21-tides.md",
        ])
        XCTAssertEqual(graph.articles.compactMap(\.doi).count, 1)
    }
}
