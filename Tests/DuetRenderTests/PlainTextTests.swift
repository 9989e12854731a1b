@testable import DuetRender
import DuetModel
import XCTest

/// Meta descriptions and reading times that treat Chinese as Chinese.
final class PlainTextTests: XCTestCase {
    func testHTMLBecomesPlainTextWithEntitiesDecoded() {
        XCTAssertEqual(PlainText.from(html: "<p>Tom &amp; Jerry&nbsp;said &lt;hi&gt; &#x4E2D;文，好。</p>\n<p>Next</p>"),
                       "Tom & Jerry said <hi> 中文，好。 Next")
    }

    func testNoSpaceIsLeftBeforePunctuationWhereATagWas() {
        XCTAssertEqual(PlainText.from(html: "<p>See <em>this</em>.</p>"), "See this.")
    }

    func testInlineTagsJoinTheTextAroundThem() {
        XCTAssertEqual(PlainText.from(html: "<p>审阅了一份<a href=\"x\">监测方案</a>草案，<em>强调</em>和<code>f()</code>。</p>"),
                       "审阅了一份监测方案草案，强调和f()。")
        XCTAssertEqual(PlainText.from(html: "<p>A <strong>bold</strong> claim</p><p>Next</p><ul><li>one</li><li>two</li></ul>"),
                       "A bold claim Next one two")
        XCTAssertEqual(PlainText.from(html: "<p>line<br />break</p>"), "line break")
    }

    func testLatinTextIsCutAtAWordBoundary() {
        XCTAssertEqual(PlainText.truncate("The quick brown fox jumps over", width: 12), "The quick…")
        XCTAssertEqual(PlainText.truncate("Short enough", width: 40), "Short enough")
    }

    func testChineseCountsTwoPerCharacter() {
        XCTAssertEqual(PlainText.truncate("双声是一份关于中美关系的季刊", width: 10), "双声是一份…")
    }

    func testNoPunctuationIsLeftBeforeTheEllipsis() {
        XCTAssertEqual(PlainText.truncate("第一，第二，第三，第四", width: 10), "第一，第二…")
        XCTAssertEqual(PlainText.truncate("Alpha, beta, gamma", width: 13), "Alpha, beta…")
    }

    func testReadingMinutes() {
        XCTAssertEqual(PlainText.readingMinutes("just a few words"), 1, "at least one minute")
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "word ", count: 460)), 2)
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "字", count: 1_200)), 3)
        // Letters outside ASCII make words (`éé`, Greek, digits of other scripts); punctuation,
        // kana and Hangul as counted characters do not.
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "éé — ", count: 460)), 2)
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "λόγος, ", count: 690)), 3)
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "字，", count: 400) + String(repeating: "mot ", count: 230)), 2)
        XCTAssertEqual(PlainText.readingMinutes(String(repeating: "𠀀", count: 800)), 2)
    }
}
