import DuetMarkdown
import XCTest

/// A bare URL ends where a Chinese reader sees it end: at the first Han character or
/// full-width mark. Explicit links are untouched.
final class ChineseAutolinkTests: XCTestCase {
    private let chinese = MarkdownRenderer(smartPunctuation: false)

    private func html(_ markdown: String) -> String { chinese.render(markdown).html }

    func testBareURLStopsAtFullWidthComma() {
        XCTAssertEqual(html("访问 https://example.org/path，然后继续阅读。"),
                       "<p>访问 <a href=\"https://example.org/path\">https://example.org/path</a>，然后继续阅读。</p>\n")
    }

    func testBareURLStopsAtHanCharacter() {
        XCTAssertEqual(html("见 https://example.org/a/b然后继续"),
                       "<p>见 <a href=\"https://example.org/a/b\">https://example.org/a/b</a>然后继续</p>\n")
    }

    func testEveryClosingMarkEndsTheURL() {
        for mark in ["，", "。", "；", "：", "！", "？", "）", "」", "』", "、", "”", "——", "……"] {
            XCTAssertEqual(html("见 https://example.org/x\(mark)后"),
                           "<p>见 <a href=\"https://example.org/x\">https://example.org/x</a>\(mark)后</p>\n", mark)
        }
    }

    func testWwwLinkStops() {
        XCTAssertEqual(html("请看 www.example.org/a。好"),
                       "<p>请看 <a href=\"http://www.example.org/a\">www.example.org/a</a>。好</p>\n")
    }

    func testTrailingASCIIPunctuationBeforeTheCutIsDropped() {
        XCTAssertEqual(html("见 https://example.org/x.，好"),
                       "<p>见 <a href=\"https://example.org/x\">https://example.org/x</a>.，好</p>\n")
        XCTAssertEqual(html("（见 https://example.org/a_(b)）。"),
                       "<p>（见 <a href=\"https://example.org/a_(b)\">https://example.org/a_(b)</a>）。</p>\n")
        XCTAssertEqual(html("见 https://example.org/a)中"),
                       "<p>见 <a href=\"https://example.org/a\">https://example.org/a</a>)中</p>\n")
        XCTAssertEqual(html("见 https://example.org/a&b;中"),
                       "<p>见 <a href=\"https://example.org/a\">https://example.org/a</a>&amp;b;中</p>\n")
    }

    func testEnglishURLsAreAsGFMMakesThem() {
        XCTAssertEqual(html("See https://example.org/path. Then read."),
                       "<p>See <a href=\"https://example.org/path\">https://example.org/path</a>. Then read.</p>\n")
    }

    func testExplicitLinksAreUntouched() {
        XCTAssertEqual(html("见 <https://example.org/路径>。"),
                       "<p>见 <a href=\"https://example.org/%E8%B7%AF%E5%BE%84\">https://example.org/路径</a>。</p>\n")
        XCTAssertEqual(html("见 [https://example.org/路径](https://example.org/路径)。"),
                       "<p>见 <a href=\"https://example.org/%E8%B7%AF%E5%BE%84\">https://example.org/路径</a>。</p>\n")
        XCTAssertEqual(html("见 [文章](https://example.org/a)，好"),
                       "<p>见 <a href=\"https://example.org/a\">文章</a>，好</p>\n")
    }

    func testPercentEncodedChinesePathStaysLinked() {
        XCTAssertEqual(html("见 https://example.org/%E8%B7%AF，好"),
                       "<p>见 <a href=\"https://example.org/%E8%B7%AF\">https://example.org/%E8%B7%AF</a>，好</p>\n")
    }

    func testSchemeDirectlyFollowedByChineseIsNotALink() {
        XCTAssertEqual(html("写 https://例子.com 的人"), "<p>写 https://例子.com 的人</p>\n")
    }

    func testEmailBeforeChinese() {
        XCTAssertEqual(html("联系 editors@example.org，谢谢"),
                       "<p>联系 <a href=\"mailto:editors@example.org\">editors@example.org</a>，谢谢</p>\n")
    }
}
