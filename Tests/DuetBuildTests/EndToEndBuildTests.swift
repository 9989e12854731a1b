import DuetBuild
import XCTest

/// Builds `Tests/Fixtures/basic` with the default theme and reads the pages a reader would get.
final class EndToEndBuildTests: XCTestCase {
    var site: SiteFixture!

    override func setUpWithError() throws {
        site = try SiteFixture(fixture: "basic")
        let report = site.build(strict: false)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    override func tearDown() {
        site.remove()
    }

    func testArticlePageShowsTitleAuthorsAndTheDateAsWritten() throws {
        let html = try site.page("en/2025/harbor-talks/index.html")
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<h1>Harbor Talks Resume</h1>"))
        XCTAssertTrue(html.contains("<a href=\"/review/en/authors/mira-castellanos/\">Mira Castellanos</a> and <a href=\"/review/en/authors/dong-jiayi/\">Dong Jiayi</a>"), html)
        // 06:00 +0800 on the 3rd is still the 2nd in UTC: the page shows the author's date.
        XCTAssertTrue(html.contains("<time datetime=\"2025-02-03T06:00:00+08:00\">3 February 2025</time>"), html)
    }

    func testArticleBodyHasNoSeparatorAndKeepsTheMarkdownAfterIt() throws {
        let html = try site.page("en/2025/harbor-talks/index.html")
        XCTAssertFalse(html.contains("<excerpt/>"))
        XCTAssertFalse(html.contains("&lt;excerpt/&gt;"))
        XCTAssertTrue(html.contains("<h3 id=\"what-changed\">What Changed</h3>"), html)
        XCTAssertTrue(html.contains("<h4 id=\"the-checklist\">The Checklist</h4>"))
        XCTAssertTrue(html.contains("<del>three</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org/checklist\">https://example.org/checklist</a>"))
        XCTAssertTrue(html.contains("<table>"))
        XCTAssertTrue(html.contains("<strong>Mira Castellanos</strong>"))
    }

    func testHomeShowsTheLeadAsExcerptWithItsReferenceLinkResolved() throws {
        let home = try site.page("en/index.html")
        XCTAssertTrue(home.contains("<em class=\"whole\">A second round of port-safety talks ended with a <a href=\"https://example.org/checklist\">shared checklist</a>"), home)
        XCTAssertFalse(home.contains("What Changed"), "the excerpt stops at the separator")
        // The autumn notes are in the 2024 Q4 issue, not the current one; default separator: first paragraph.
        let autumn = try site.page("en/issues/2024-q4/index.html")
        XCTAssertTrue(autumn.contains("First paragraph of the autumn notes"))
        XCTAssertFalse(autumn.contains("Second paragraph, which is not in the excerpt"))
        XCTAssertFalse(home.contains("Autumn Notes"))
    }

    func testPostWithoutFrontMatterTakesItsTitleFromItsHeadingAndDateFromItsName() throws {
        let html = try site.page("en/2025/no-front-matter/index.html")
        XCTAssertTrue(html.contains("<title>Field Notes Without Front Matter · Fixture Review</title>"))
        XCTAssertTrue(html.contains("10 January 2025"))
    }

    func testChinesePagesCarryTheirLanguageAndChineseDates() throws {
        let html = try site.page("zh/2025/harbor-talks/index.html")
        XCTAssertTrue(html.contains("<html lang=\"zh-Hans\">"))
        XCTAssertTrue(html.contains("2025年2月3日"))
        XCTAssertTrue(html.contains("<h3 id=\"有哪些变化\">有哪些变化</h3>"), html)
        XCTAssertTrue(try site.page("zh/index.html").contains("<meta property=\"og:locale\" content=\"zh_CN\">"))
    }

    func testPagesRootStaticFilesAndBaseURLPath() throws {
        let about = try site.page("en/about/index.html")
        XCTAssertTrue(about.contains("<h1>About the Fixture Review</h1>"))
        XCTAssertTrue(about.contains("<link rel=\"canonical\" href=\"https://fixture.example.org/review/en/about/\">"), about)
        let stylesheet = try XCTUnwrap(about.firstMatch(of: /href="\/review\/(css\/duet\.[0-9a-f]{8}\.css)"/)?.output.1,
                                       "links live under the base URL's path, the stylesheet fingerprinted")
        XCTAssertTrue(site.exists("zh/about/index.html"))
        XCTAssertEqual(try site.page("files/note.txt"), "plain file copied as is\n")
        XCTAssertTrue(site.exists(String(stylesheet)), "theme assets are copied under their fingerprinted name")
        XCTAssertFalse(site.exists("css/duet.css"))
        let root = try site.page("index.html")
        XCTAssertTrue(root.contains("href=\"/review/en/\""))
        XCTAssertTrue(root.contains("href=\"/review/zh/\""))
        XCTAssertTrue(site.exists("404.html"))
    }

    func testUnknownFrontMatterKeysReachTemplates() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-01-01-params.md": "---\ntitle: Params\ncustom_note: kept for templates\n---\nBody.\n",
        ])
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
        let post = theme.appendingPathComponent("layouts/post.mustache")
        try "{{#page}}<p>{{params.custom_note}}|{{custom_note}}</p>{{/page}}".write(to: post, atomically: true, encoding: .utf8)
        var options = site.options()
        options.theme = theme.path
        XCTAssertTrue(Builder(options: options).build().succeeded)
        XCTAssertEqual(try site.page("en/2025/params/index.html"), "<p>kept for templates|kept for templates</p>")
    }

    func testSummaryCountsPagesPerLanguage() throws {
        let again = try SiteFixture(fixture: "basic")
        defer { again.remove() }
        let report = again.build()
        // en: 3 posts, about, home, archive, 2 issues, author index, 4 author pages;
        // zh: 1 post, about, home, archive, 2 issues, author index, 4 author pages;
        // each: search, 404, the parallel view of the translated post; shared: chooser + 404.
        XCTAssertTrue(report.summary.hasPrefix("Built 32 pages (en 16, zh 14, 2 shared) in "), report.summary)
    }
}
