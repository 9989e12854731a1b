import DuetCheck
import DuetModel
import Foundation
import XCTest

/// `duet check --typography`: each warning at its line and its column in characters, with
/// front matter, code and URLs left alone.
final class TypographyTests: XCTestCase {
    private func warnings(_ markdown: String, language: String, spacing: Bool = false) -> [String] {
        TypographyRules(settings: TypographySettings(spaceBetweenCJKAndLatin: spacing))
            .check(markdown: markdown, path: "post.md", language: language).map(\.description)
    }

    func testHalfWidthPunctuationAfterHanCharacters() {
        let markdown = """
            ---
            title: 标题,副标题
            ---

            我们在上海见面,然后去了北京.
            他说:"好吧!"还有别的问题吗?
            等等...
            """
        XCTAssertEqual(warnings(markdown, language: "zh"), [
            "post.md:5:8: warning: half-width ',' after Chinese text: use '，'",
            "post.md:5:15: warning: half-width '.' after Chinese text: use '。'",
            "post.md:6:3: warning: half-width ':' after Chinese text: use '：'",
            "post.md:6:7: warning: half-width '!' after Chinese text: use '！'",
            "post.md:6:16: warning: half-width '?' after Chinese text: use '？'",
            "post.md:7:3: warning: half-width '.' after Chinese text: use '。'",
        ])
    }

    func testCodeLinksAndImagesAreNotProse() {
        let markdown = """
            运行`代码,例子`即可。
            请看[说明](/zh/路径,第二部分/)。
            看图![示意图](/images/a.png)。
            参见<https://例子.example.org/甲,乙>和https://example.org/a;b。

            ```
            中文,英文.
            ```

                缩进,代码.

            [注]: https://example.org/注,释
            """
        XCTAssertEqual(warnings(markdown, language: "zh"), [])
    }

    func testFullWidthLettersAndDigitsInEnglishText() {
        let markdown = """
            ---
            title: Ｎot checked in front matter
            ---
            The team met in Ｂｅｉｊｉｎｇ in ２０２５.
            Code such as `ＡＢ` is left alone.
            """
        XCTAssertEqual(warnings(markdown, language: "en"), [
            "post.md:4:17: warning: full-width 'Ｂｅｉｊｉｎｇ' in English text: use 'Beijing'",
            "post.md:4:28: warning: full-width '２０２５' in English text: use '2025'",
        ])
        XCTAssertEqual(warnings("我们在上海见面,然后", language: "en"), [], "Chinese rules apply to Chinese posts only")
    }

    func testSpaceBetweenHanAndLatinOnlyWhenTheSiteAsksForIt() {
        let line = "使用Swift语言和2个核心，也用 Go 语言。"
        XCTAssertEqual(warnings(line, language: "zh"), [])
        XCTAssertEqual(warnings(line, language: "zh", spacing: true), [
            "post.md:1:3: warning: no space between Chinese and Latin text in '用S': add a space",
            "post.md:1:8: warning: no space between Chinese and Latin text in 't语': add a space",
            "post.md:1:11: warning: no space between Chinese and Latin text in '和2': add a space",
            "post.md:1:12: warning: no space between Chinese and Latin text in '2个': add a space",
        ])
    }

    func testLineBreakBetweenHanAndLatinCountsAsNoSpace() {
        let text = "我们使用 Swift\n语言编写，代码放在\nGitHub 上。\n分号后的\n## 标题\nGo 语言\n\nRust 也行  \n换行之后。"
        XCTAssertEqual(warnings(text, language: "zh"), [], "no rule unless the site asks for spaces")
        XCTAssertEqual(warnings(text, language: "zh", spacing: true), [
            "post.md:2:1: warning: the line break between 't' and '语' renders as no space between Chinese and Latin text: join the two lines with a space",
            "post.md:3:1: warning: the line break between '在' and 'G' renders as no space between Chinese and Latin text: join the two lines with a space",
        ], "a heading, a line after a heading and a hard break are not joined")
    }

    func testSpaceBeforeAClosingFullWidthMark() {
        XCTAssertEqual(warnings("另一个写成 www.example.org/style 。然后 Go ，好", language: "zh"), [
            "post.md:1:28: warning: space before '。': a full-width mark needs no space, and a line could start with it there",
            "post.md:1:35: warning: space before '，': a full-width mark needs no space, and a line could start with it there",
        ])
        XCTAssertEqual(warnings("代码 `a ，b` 不算。", language: "zh"), [])
    }

    func testURLsAndCodeAcrossChineseTextAreNotProse() {
        let text = "见https://example.org/a“引文”和`code里的x中`，以及<https://example.org/路径>。"
        XCTAssertEqual(warnings(text, language: "zh", spacing: true), [])
        // The URL ends where the renderer ends its link, so the text after it is read again.
        XCTAssertEqual(warnings("见 https://example.org/a，再用Go写", language: "zh", spacing: true), [
            "post.md:1:27: warning: no space between Chinese and Latin text in '用G': add a space",
            "post.md:1:29: warning: no space between Chinese and Latin text in 'o写': add a space",
        ])
    }

    func testCheckReadsTheSettingFromSiteYAMLAndReportsAtTheSourceFile() throws {
        let site = try TempSite(files: [
            "posts/zh/2025-05-06-harbor.md": "---\ntitle: 港口\n---\n\n港口在2025年重新开放,码头很忙。\n",
            "posts/en/2025-05-06-harbor.md": "---\ntitle: Harbor\n---\n\nThe harbor reopened in ２０２５.\n",
        ], siteYAML: TempSite.siteYAML + "\ntypography: { space_between_cjk_and_latin: true }\n")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let report = SiteChecker(output: site.output.path, source: site.content.path, typography: true).run()
        let posts = "\(site.content.path)/posts"
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "\(posts)/en/2025-05-06-harbor.md:5:24: warning: full-width '２０２５' in English text: use '2025'",
            "\(posts)/zh/2025-05-06-harbor.md:5:4: warning: no space between Chinese and Latin text in '在2': add a space",
            "\(posts)/zh/2025-05-06-harbor.md:5:8: warning: no space between Chinese and Latin text in '5年': add a space",
            "\(posts)/zh/2025-05-06-harbor.md:5:13: warning: half-width ',' after Chinese text: use '，'",
        ])
        XCTAssertTrue(report.succeeded, "typography findings are warnings")
        XCTAssertEqual(SiteChecker(output: site.output.path, source: site.content.path).run().diagnostics, [],
                       "without --typography the sources are not read for style")
    }
}
