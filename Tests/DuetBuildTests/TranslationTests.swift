import DuetBuild
import XCTest

/// Pairing translations, the language switcher and its fallbacks, as a reader meets them.
final class TranslationTests: XCTestCase {
    private func post(_ title: String, _ extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: 2025-03-01 10:00:00 +0800\n\(extra)---\nBody of \(title).\n"
    }

    func testSameFileNamePairsAndTheSwitcherLeadsToTheTranslation() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-talks.md": post("Talks"),
            "posts/zh/2025-03-01-talks.md": post("会谈"),
        ])
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let en = try site.page("en/2025/talks/index.html")
        XCTAssertTrue(en.contains("<a href=\"/zh/2025/talks/\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a></li>"), en)
        XCTAssertTrue(en.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/2025/talks/\">"))
        XCTAssertTrue(en.contains("<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"/zh/2025/talks/\">"))
        XCTAssertTrue(en.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"/en/2025/talks/\">"))
        let zh = try site.page("zh/2025/talks/index.html")
        XCTAssertTrue(zh.contains("<a href=\"/en/2025/talks/\" hreflang=\"en\" lang=\"en\">English</a></li>"), zh)
        XCTAssertFalse(zh.contains("translation-note"))
    }

    func testTranslationKeyPairsDifferentFileNamesAndWins() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-dialogue-design.md": post("Dialogue Design", "translation_key: design\n"),
            "posts/zh/2025-03-01-duihua-sheji.md": post("对话设计", "translation_key: design\n"),
            "posts/zh/2025-03-01-dialogue-design.md": post("同名但不是译文", "translation_key: other\n"),
        ])
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let en = try site.page("en/2025/dialogue-design/index.html")
        XCTAssertTrue(en.contains("href=\"/zh/2025/duihua-sheji/\" hreflang=\"zh-Hans\""), en)
    }

    func testTwoVersionsInOneLanguageClaimingOneKeyIsAnErrorNamingBoth() throws {
        let site = try SiteFixture(files: [
            "posts/zh/2025-03-01-a.md": post("甲", "translation_key: same\n"),
            "posts/zh/2025-03-02-b.md": post("乙", "translation_key: same\n"),
        ])
        defer { site.remove() }
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let message = try XCTUnwrap(report.diagnostics.first?.description)
        XCTAssertTrue(message.contains("2025-03-02-b.md:4:1: error: translation key 'same'"), message)
        XCTAssertTrue(message.contains("2025-03-01-a.md") && message.contains("in language 'zh'"), message)
    }

    func testUntranslatedArticleFallsBackToItsIssueWithAVisibleNote() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-only-english.md": post("Only English")])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let en = try site.page("en/2025/only-english/index.html")
        XCTAssertTrue(en.contains("<a href=\"/zh/issues/2025-q1/\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a> <small class=\"missing\">(not yet translated)</small>"), en)
        XCTAssertTrue(en.contains("class=\"translation-note\""))
        XCTAssertFalse(en.contains("hreflang=\"zh-Hans\" href="), "no alternate for a translation that does not exist")
        XCTAssertTrue(site.exists("zh/issues/2025-q1/index.html"), "the fallback target exists")
    }

    func testPairedVersionsThatDisagreeOnTheDateGetAWarningNamingBoth() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-talks.md": post("Talks"),
            "posts/zh/2025-03-01-talks.md": "---\ntitle: 会谈\ndate: 2025-04-01\n---\n正文。\n",
        ])
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        let warning = try XCTUnwrap(report.diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.description.contains("zh/2025-03-01-talks.md:3:1: warning: translations disagree on date"), warning.description)
        XCTAssertTrue(warning.description.contains("en/2025-03-01-talks.md has '2025-03-01'"))
    }

    func testPagesPairTheSameWay() throws {
        let site = try SiteFixture(files: [
            "pages/en/about.md": "---\ntitle: About\n---\nAbout us.\n",
            "pages/zh/about.md": "---\ntitle: 关于\n---\n关于我们。\n",
        ])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.page("zh/about/index.html").contains("<a href=\"/en/about/\" hreflang=\"en\" lang=\"en\">English</a>"))
    }

    func testUndeclaredLanguageIsAnErrorAtTheLangLine() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-fr.md": "---\ntitle: Bonjour\nlang: fr\n---\nTexte.\n"])
        defer { site.remove() }
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.diagnostics[0].description.hasSuffix("2025-03-01-fr.md:3:1: error: language 'fr' is not declared in site.yml (declared: en, zh)"),
                      report.diagnostics[0].description)
    }

    func testLangKeyWinsOverTheFolder() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-misfiled.md": "---\ntitle: 放错了文件夹\nlang: zh\n---\n正文。\n"])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.page("zh/2025/misfiled/index.html").contains("<html lang=\"zh-Hans\">"))
    }
}
