import DuetMarkdown
import XCTest

/// A line break typed inside Chinese text renders as nothing (CSS Text 3 / pandoc's
/// `east_asian_line_breaks`); between Latin words it stays a space.
final class EastAsianLineBreakTests: XCTestCase {
    private let chinese = MarkdownRenderer(smartPunctuation: false)
    private let english = MarkdownRenderer(smartPunctuation: true)

    private func html(_ markdown: String) -> String { chinese.render(markdown).html }

    func testBreakBetweenHanCharactersDisappears() {
        XCTAssertEqual(html("作者在编辑器里\n手动换行了。"), "<p>作者在编辑器里手动换行了。</p>\n")
    }

    func testBreakAfterFullWidthPunctuationDisappears() {
        XCTAssertEqual(html("第一句话，\n第二句话。\n第三句。"), "<p>第一句话，第二句话。第三句。</p>\n")
    }

    func testBreakBetweenLatinAndHanDisappears() {
        XCTAssertEqual(html("我们使用 Swift\n语言，以及\nSwiftPM 工具。"), "<p>我们使用 Swift语言，以及SwiftPM 工具。</p>\n")
    }

    func testBreakBetweenEnglishWordsStaysASpace() {
        XCTAssertEqual(english.render("A line the editor\nwrapped by hand.").html, "<p>A line the editor\nwrapped by hand.</p>\n")
    }

    func testBreakBesideEmphasisAndCodeDisappears() {
        XCTAssertEqual(html("这是*强调*\n之后的文字，`code()`\n之后。"),
                       "<p>这是<em>强调</em>之后的文字，<code>code()</code>之后。</p>\n")
        XCTAssertEqual(html("链接[文字](https://example.org)\n继续。"),
                       "<p>链接<a href=\"https://example.org\">文字</a>继续。</p>\n")
    }

    func testHangulKeepsItsSpace() {
        XCTAssertEqual(html("한국어는\n띄어쓰기를 한다"), "<p>한국어는\n띄어쓰기를 한다</p>\n")
    }

    func testBreakBesideEmojiOrCombiningMarkIsSensible() {
        XCTAssertEqual(html("Nice 😀\nwork"), "<p>Nice 😀\nwork</p>\n")
        XCTAssertEqual(html("好😀\n中"), "<p>好😀中</p>\n")
        XCTAssertEqual(html("cafe\u{301}\nnoir"), "<p>cafe\u{301}\nnoir</p>\n")
        XCTAssertEqual(html("中\u{20DD}\n文"), "<p>中\u{20DD}文</p>\n")
        XCTAssertEqual(html("\u{301}\n中"), "<p>\u{301}中</p>\n")
    }

    func testOneCharacterLinesAndHardBreaks() {
        XCTAssertEqual(html("一\n二\n三"), "<p>一二三</p>\n")
        XCTAssertEqual(html("第一行  \n第二行"), "<p>第一行<br />\n第二行</p>\n")
    }

    func testHeadingAnchorsUseTheJoinedText() {
        let rendered = html("多行的\n标题\n===\n")
        XCTAssertTrue(rendered.contains("<h1 id=\"多行的标题\">多行的标题</h1>"), rendered)
    }

    func testLongUnbrokenChineseLine() {
        let line = String(repeating: "长句子里没有换行，", count: 560)
        XCTAssertEqual(html(line), "<p>\(line)</p>\n")
    }

    func testCodeBlocksKeepTheirLineBreaks() {
        XCTAssertEqual(html("```\n中文\n代码\n```\n"), "<pre><code>中文\n代码\n</code></pre>\n")
    }
}

/// The marks the theme needs to set Chinese emphasis without a slant.
final class ChineseEmphasisMarkupTests: XCTestCase {
    private let chinese = MarkdownRenderer(smartPunctuation: false)

    func testChineseEmphasisIsPlainEm() {
        XCTAssertEqual(chinese.render("这是*强调*的文字。").html, "<p>这是<em>强调</em>的文字。</p>\n")
    }

    func testLatinEmphasisInsideChineseIsMarked() {
        XCTAssertEqual(chinese.render("发表在*Foreign Affairs*杂志上。").html,
                       "<p>发表在<em class=\"latin\">Foreign Affairs</em>杂志上。</p>\n")
    }

    func testEnglishEmphasisInEnglishIsUntouched() {
        XCTAssertEqual(MarkdownRenderer().render("An *important* point.").html, "<p>An <em>important</em> point.</p>\n")
    }

    func testWholeParagraphEmphasisIsMarked() {
        XCTAssertEqual(chinese.render("_整段都是强调的导语，\n跨了两行。_\n\n正文。").html,
                       "<p><em class=\"whole\">整段都是强调的导语，跨了两行。</em></p>\n<p>正文。</p>\n")
        XCTAssertEqual(MarkdownRenderer().render("_An italic lead._").html, "<p><em class=\"whole\">An italic lead.</em></p>\n")
    }

    func testNestedStrongInsideMarkedEmphasisSurvives() {
        XCTAssertEqual(chinese.render("_导语里有**加粗**的词_").html,
                       "<p><em class=\"whole\">导语里有<strong>加粗</strong>的词</em></p>\n")
    }
}
