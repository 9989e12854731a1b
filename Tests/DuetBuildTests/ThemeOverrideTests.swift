import DuetBuild
import XCTest

/// The site overrides single theme files under `content/theme/`; assets are fingerprinted; broken
/// templates are refused with their file and line, and the previous output stays.
final class ThemeOverrideTests: XCTestCase {
    private let post = "---\ntitle: Talks <script>alert(1)</script>\ndate: 2025-03-01\n---\nBody.\n"

    func testSiteFileBeatsThemeFile() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-talks.md": post,
            "theme/partials/byline.mustache": "<p class=\"custom-byline\">{{date}}</p>\n",
            "theme/i18n/en.yml": try String(contentsOf: SiteFixture.defaultTheme.appendingPathComponent("i18n/en.yml"), encoding: .utf8)
                .replacing("latest_articles: Latest articles", with: "latest_articles: Newest writing"),
        ])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let html = try site.page("en/2025/talks/index.html")
        XCTAssertTrue(html.contains("<p class=\"custom-byline\">1 March 2025</p>"), html)
        XCTAssertFalse(html.contains("reading-time"), "the theme's own byline is not used")
        XCTAssertTrue(try site.page("en/index.html").contains("<html lang=\"en\">"), "other theme files still apply")
    }

    func testTitlesAreEscaped() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-talks.md": post])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let html = try site.page("en/2025/talks/index.html")
        XCTAssertTrue(html.contains("<h1>Talks &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), html)
        XCTAssertFalse(html.contains("<script>alert(1)"))
    }

    func testStylesheetIsFingerprintedByContent() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-talks.md": post])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let first = try XCTUnwrap(try site.page("en/index.html").firstMatch(of: /href="\/(css\/duet\.[0-9a-f]{8}\.css)"/)?.output.1)
        XCTAssertTrue(site.exists(String(first)))
        try site.write("theme/static/css/duet.css", "body { color: black; }\n")
        XCTAssertTrue(site.build().succeeded)
        let second = try XCTUnwrap(try site.page("en/index.html").firstMatch(of: /href="\/(css\/duet\.[0-9a-f]{8}\.css)"/)?.output.1)
        XCTAssertNotEqual(first, second, "new contents, new name")
        XCTAssertEqual(try site.page(String(second)), "body { color: black; }\n")
    }

    func testBrokenTemplatesAreRefusedAndTheOldSiteStays() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-talks.md": post])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        try site.write("theme/partials/byline.mustache", "<p>\n{{#date}}{{date}}\n</p>\n")
        try site.write("theme/partials/loop-a.mustache", "{{> loop-b}}\n")
        try site.write("theme/partials/loop-b.mustache", "x\n{{> loop-a}}\n")
        try site.write("theme/layouts/page.mustache", "{{<base}}{{$content}}{{> sidebar}}{{/content}}{{/base}}\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.map(\.description)
        let theme = site.content.appendingPathComponent("theme").path
        XCTAssertTrue(messages.contains { $0.hasPrefix("\(theme)/partials/byline.mustache:") && $0.contains("template syntax error") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("\(theme)/partials/loop-b.mustache:2:1: error: templates include each other without end") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("\(theme)/layouts/page.mustache:1:") && $0.contains("partial 'sidebar' does not exist") }, "\(messages)")
        XCTAssertEqual(site.snapshot(), before)
    }
}
