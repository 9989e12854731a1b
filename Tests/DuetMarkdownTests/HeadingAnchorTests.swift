import DuetMarkdown
import DuetModel
import XCTest

final class HeadingAnchorTests: XCTestCase {
    private let renderer = MarkdownRenderer()

    func testEnglishHeadingId() {
        let rendered = renderer.render("## Part I: Scoping the Challenge\n")
        XCTAssertEqual(rendered.html, "<h2 id=\"part-i-scoping-the-challenge\">Part I: Scoping the Challenge</h2>\n")
    }

    func testChineseHeadingKeepsItsCharacters() {
        let rendered = MarkdownRenderer(smartPunctuation: false).render("## 第一部分：问题的范围\n")
        XCTAssertEqual(rendered.headings.first?.id, "第一部分问题的范围")
        XCTAssertTrue(rendered.html.contains("<h2 id=\"第一部分问题的范围\">第一部分：问题的范围</h2>"), rendered.html)
    }

    func testMixedScriptHeading() {
        let rendered = renderer.render("# 2025 Review 年度回顾\n")
        XCTAssertEqual(rendered.headings.first?.id, "2025-review-年度回顾")
    }

    func testDuplicateHeadingsGetNumberedSuffixes() {
        let rendered = renderer.render("## Notes\n\ntext\n\n## Notes\n\nmore\n\n### Notes\n")
        XCTAssertEqual(rendered.headings.map(\.id), ["notes", "notes-1", "notes-2"])
        XCTAssertTrue(rendered.html.contains("<h3 id=\"notes-2\">Notes</h3>"), rendered.html)
    }

    func testSuffixDoesNotCollideWithAHeadingThatAlreadyHasThatId() {
        let rendered = renderer.render("## Notes 1\n\n## Notes\n\n## Notes\n")
        let ids = rendered.headings.map(\.id)
        XCTAssertEqual(ids.first, "notes-1")
        XCTAssertEqual(Set(ids).count, 3, "ids must be unique: \(ids)")
    }

    func testHeadingsArrayHasLevelTextAndId() {
        let rendered = renderer.render("# Overview\n\nIntro.\n\n## Trade *and* Tariffs\n\n### `code` and More\n")
        XCTAssertEqual(rendered.headings, [
            DocumentHeading(level: 1, text: "Overview", id: "overview"),
            DocumentHeading(level: 2, text: "Trade and Tariffs", id: "trade-and-tariffs"),
            DocumentHeading(level: 3, text: "code and More", id: "code-and-more"),
        ])
        XCTAssertTrue(rendered.html.contains("<h2 id=\"trade-and-tariffs\">Trade <em>and</em> Tariffs</h2>"), rendered.html)
    }

    func testPunctuationOnlyHeadingGetsAFallbackId() {
        let rendered = renderer.render("## ???\n")
        XCTAssertFalse(rendered.headings.first?.id.isEmpty ?? true)
        XCTAssertTrue(rendered.html.hasPrefix("<h2 id=\""), rendered.html)
    }

    func testSetextHeadingGetsAnIdToo() {
        let rendered = renderer.render("Closing Thoughts\n----------------\n")
        XCTAssertEqual(rendered.html, "<h2 id=\"closing-thoughts\">Closing Thoughts</h2>\n")
    }
}
