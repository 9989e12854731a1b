import DuetMarkdown
import XCTest

final class MarkdownExtensionTests: XCTestCase {
    private let english = MarkdownRenderer(smartPunctuation: true)
    private let plain = MarkdownRenderer(smartPunctuation: false)

    func testTable() {
        let html = english.render("| Round | Venue |\n|---|:---:|\n| First | Geneva |\n| Second | Singapore |\n").html
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<th>Round</th>"), html)
        XCTAssertTrue(html.contains("<th align=\"center\">Venue</th>"), html)
        XCTAssertTrue(html.contains("<td align=\"center\">Singapore</td>"), html)
    }

    func testStrikethrough() {
        XCTAssertEqual(english.render("The ~~old~~ new draft.").html, "<p>The <del>old</del> new draft.</p>\n")
    }

    func testSingleTildeIsNotStrikethrough() {
        XCTAssertEqual(plain.render("About ~5 delegates~ attended.").html, "<p>About ~5 delegates~ attended.</p>\n")
    }

    func testBareURLBecomesALink() {
        let html = english.render("Minutes at https://example.org/minutes today.").html
        XCTAssertEqual(html, "<p>Minutes at <a href=\"https://example.org/minutes\">https://example.org/minutes</a> today.</p>\n")
    }

    func testWwwAutolink() {
        let html = english.render("See www.example.org for more.").html
        XCTAssertTrue(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"), html)
    }

    func testTaskList() {
        let html = english.render("- [x] circulate agenda\n- [ ] book rooms\n").html
        XCTAssertTrue(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> circulate agenda"), html)
        XCTAssertTrue(html.contains("<input type=\"checkbox\" disabled=\"\" /> book rooms"), html)
    }

    func testFootnote() {
        let html = english.render("A claim that needs support.[^src]\n\n[^src]: Interview notes, spring session.\n").html
        XCTAssertTrue(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\""), html)
        XCTAssertTrue(html.contains("class=\"footnotes\""), html)
        XCTAssertTrue(html.contains("Interview notes, spring session."), html)
        XCTAssertTrue(html.contains("href=\"#fnref-src\""), html)
    }

    func testTagFilterEscapesDangerousTags() {
        let html = english.render("Before <script>alert('x')</script> after.\n\n<iframe src=\"x\"></iframe>\n").html
        XCTAssertTrue(html.contains("&lt;script>"), html)
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(html.contains("&lt;iframe"), html)
    }

    func testRawHTMLPassesThrough() {
        let html = english.render("<div class=\"x\">\n<span>kept</span>\n</div>\n\nAnd <kbd>Ctrl</kbd> inline.\n").html
        XCTAssertTrue(html.contains("<div class=\"x\">\n<span>kept</span>\n</div>"), html)
        XCTAssertTrue(html.contains("<kbd>Ctrl</kbd>"), html)
    }

    func testSmartPunctuationForEnglish() {
        let html = english.render("\"Quoted,\" she said -- it's 1990--1995...").html
        XCTAssertEqual(html, "<p>\u{201C}Quoted,\u{201D} she said \u{2013} it\u{2019}s 1990\u{2013}1995\u{2026}</p>\n")
    }

    func testEmDash() {
        XCTAssertEqual(english.render("Yes---no.").html, "<p>Yes\u{2014}no.</p>\n")
    }

    func testSmartPunctuationOff() {
        let html = plain.render("\"Quoted,\" she said -- it's fine.").html
        XCTAssertEqual(html, "<p>&quot;Quoted,&quot; she said -- it's fine.</p>\n")
    }

    func testChineseTextIsLeftAloneWithoutSmartPunctuation() {
        let html = plain.render("他说：“对话很重要。”--没错").html
        XCTAssertEqual(html, "<p>他说：“对话很重要。”--没错</p>\n")
    }
}
