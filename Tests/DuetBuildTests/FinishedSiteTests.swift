import DuetBuild
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// What makes a site finished beyond its pages: the sitemap and robots.txt, a 404 page in each
/// language, link previews, the print stylesheet and the bilingual feed.
final class FinishedSiteTests: XCTestCase {
    var site: SiteFixture!

    override func setUpWithError() throws {
        site = try SiteFixture(fixture: "basic")
        try site.write("issues/2025-q1.yml", "title:\n  en: Harbors\n  zh: 港口\ncover: /images/q1-cover.svg\n")
        try site.write("static/images/q1-cover.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"40\"/>\n")
        try site.write("static/images/autumn.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"40\"/>\n")
        let autumn = try String(contentsOf: site.content.appendingPathComponent("posts/en/2024-11-20-autumn-notes.md"), encoding: .utf8)
        try site.write("posts/en/2024-11-20-autumn-notes.md", autumn.replacing("---\n", with: "---\nimage: /images/autumn.svg\n", maxReplacements: 1))
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    override func tearDown() {
        site.remove()
    }

    /// `loc` -> its `hreflang` -> `href` annotations.
    private func sitemap() throws -> [String: [String: String]] {
        let xml = try site.page("sitemap.xml")
        var entries: [String: [String: String]] = [:]
        for block in xml.components(separatedBy: "<url>\n").dropFirst() {
            let loc = try XCTUnwrap(block.firstMatch(of: /<loc>([^<]+)<\/loc>/)?.output.1)
            let links = block.matches(of: /<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/)
            entries[String(loc)] = Dictionary(links.map { (String($0.output.1), String($0.output.2)) },
                                              uniquingKeysWith: { first, _ in first })
        }
        return entries
    }

    func testSitemapListsEveryPageWithReciprocalAbsoluteAlternates() throws {
        let entries = try sitemap()
        let base = "https://fixture.example.org/review"
        let article = try XCTUnwrap(entries["\(base)/en/2025/harbor-talks/"])
        XCTAssertEqual(article, ["en": "\(base)/en/2025/harbor-talks/", "zh-Hans": "\(base)/zh/2025/harbor-talks/",
                                 "x-default": "\(base)/en/2025/harbor-talks/"])
        XCTAssertEqual(entries["\(base)/zh/2025/harbor-talks/"], article, "each version lists the same cluster")
        XCTAssertEqual(entries["\(base)/en/2024/autumn-notes/"], [:], "an untranslated article has no alternates")
        for required in ["/", "/en/", "/zh/", "/en/issues/", "/zh/authors/", "/en/about/", "/zh/search/",
                         "/en/2025/harbor-talks/parallel/", "/zh/issues/2025-q1/"] {
            XCTAssertNotNil(entries[base + required], "\(required) is missing from the sitemap")
        }
        for (loc, alternates) in entries {
            XCTAssertTrue(loc.hasPrefix(base + "/"), loc)
            XCTAssertFalse(loc.hasSuffix("404.html"), "404 pages are not in the sitemap")
            for (lang, target) in alternates where lang != "x-default" {
                XCTAssertEqual(entries[target]?[lang], target, "\(loc) -> \(target)")
                XCTAssertTrue(entries[target]?.values.contains(loc) == true || loc == base + "/", "\(target) does not list \(loc)")
            }
        }
        let data = try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))
        XCTAssertTrue(XMLParser(data: data).parse(), "sitemap.xml is well-formed")
        // Every HTML page but the 404s is listed.
        let pages = FileManager.default.enumerator(at: site.output, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" && $0.lastPathComponent != "404.html" }
        XCTAssertEqual(pages.count, entries.count)
    }

    func testRobotsNamesTheSitemap() throws {
        XCTAssertEqual(try site.page("robots.txt"),
                       "User-agent: *\nAllow: /\n\nSitemap: https://fixture.example.org/review/sitemap.xml\n")
    }

    func testWithoutBaseURLThereIsNoSitemapAndRobotsSaysNothingOfIt() throws {
        let bare = try SiteFixture(files: ["posts/en/2025-01-01-a.md": "---\ntitle: A\n---\nText.\n"])
        defer { bare.remove() }
        XCTAssertTrue(bare.build(strict: true).succeeded)
        XCTAssertFalse(bare.exists("sitemap.xml"))
        XCTAssertEqual(try bare.page("robots.txt"), "User-agent: *\nAllow: /\n")
    }

    func testAStaticFileOrPermalinkOnAGeneratedPathIsAnErrorNamingIt() throws {
        let clash = try SiteFixture(files: [
            "static/robots.txt": "User-agent: *\n",
            "posts/en/2025-01-01-a.md": "---\ntitle: A\n---\nText.\n",
            "posts/zh/2025-01-01-a.md": "---\ntitle: 甲\n---\n正文。\n",
            "posts/en/2025-01-02-b.md": "---\ntitle: B\npermalink: /en/2025/a/parallel/\n---\nText.\n",
        ])
        defer { clash.remove() }
        let report = clash.build()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("static/robots.txt:") && $0.contains("error: URL /robots.txt is produced twice: by ") && $0.hasSuffix("and by the generated robots.txt") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("posts/en/2025-01-02-b.md:3:1: error: URL /en/2025/a/parallel/ is produced twice") }, "\(messages)")
    }

    func testNotFoundPagesInEachLanguageAndARootOneInAll() throws {
        let en = try site.page("en/404.html")
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
        XCTAssertTrue(en.contains("<h1>Page not found</h1>"))
        XCTAssertTrue(en.contains("<a href=\"/review/en/search/\">Search the review</a>"), "links work from any depth")
        XCTAssertTrue(en.contains("href=\"/review/css/duet."))
        let zh = try site.page("zh/404.html")
        XCTAssertTrue(zh.contains("<html lang=\"zh-Hans\">"))
        XCTAssertTrue(zh.contains("<h1>页面不存在</h1>"))
        XCTAssertFalse(zh.contains("Page not found"))
        let root = try site.page("404.html")
        XCTAssertTrue(root.contains("<h1>Page not found</h1>"))
        XCTAssertTrue(root.contains("<section class=\"not-found-other\" lang=\"zh-Hans\" aria-label=\"中文\">\n<p><strong>页面不存在</strong>"), root)
        XCTAssertTrue(root.contains("<a href=\"/review/zh/\" hreflang=\"zh-Hans\">返回首页</a>"))
    }

    func testLinkPreviewsUseTheArticleImageElseTheIssueCover() throws {
        let base = "https://fixture.example.org/review"
        let own = try site.page("en/2024/autumn-notes/index.html")
        XCTAssertTrue(own.contains("<meta property=\"og:image\" content=\"\(base)/images/autumn.svg\">"), own)
        XCTAssertTrue(own.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        XCTAssertTrue(own.contains("<meta name=\"twitter:image\" content=\"\(base)/images/autumn.svg\">"))
        let covered = try site.page("zh/2025/harbor-talks/index.html")
        XCTAssertTrue(covered.contains("<meta property=\"og:image\" content=\"\(base)/images/q1-cover.svg\">"), covered)
        XCTAssertTrue(covered.contains("<meta name=\"twitter:title\" content=\"港口会谈重启 · 测试评论\">"))
        XCTAssertTrue(covered.contains("<meta property=\"og:type\" content=\"article\">"))
        let about = try site.page("en/about/index.html")
        XCTAssertFalse(about.contains("og:image"), "a page without an image or an issue has none")
        XCTAssertTrue(about.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        XCTAssertTrue(try site.page("en/issues/2025-q1/index.html").contains("<meta property=\"og:image\" content=\"\(base)/images/q1-cover.svg\">"))
        XCTAssertTrue(try site.page("en/issues/index.html").contains("<meta property=\"og:type\" content=\"website\">"))
    }

    func testPrintStylesheetHidesTheChromeAndShowsLinkTargets() throws {
        let page = try site.page("en/2025/harbor-talks/index.html")
        let path = try XCTUnwrap(page.firstMatch(of: /<link rel="stylesheet" href="\/review\/(css\/[^"]+)">/)?.output.1)
        let css = try site.page(String(path))
        let print = try XCTUnwrap(css.firstMatch(of: /@media print \{(?s)(.*?)\n\}/)?.output.1)
        XCTAssertTrue(print.contains(".masthead, .skip, .colophon"), String(print))
        XCTAssertTrue(print.contains(#".body a[href^="http"]::after { content: " (" attr(href) ")""#))
        XCTAssertTrue(print.contains("h1, h2, h3, h4 { break-after: avoid;"))
        XCTAssertTrue(css.contains("@page { margin: 2cm 1.8cm; }"))
    }

    func testCombinedFeedCarriesBothLanguagesEachMarked() throws {
        let xml = try site.page("feed.xml")
        let data = try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))
        XCTAssertTrue(XMLParser(data: data).parse(), "feed.xml is well-formed")
        XCTAssertTrue(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        XCTAssertTrue(xml.contains("<title>Fixture Review / 测试评论</title>"))
        XCTAssertTrue(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://fixture.example.org/review/feed.xml\"/>"))
        let languages = xml.matches(of: /<entry xml:lang="([^"]+)">\n<title>([^<]+)<\/title>/).map { (String($0.output.1), String($0.output.2)) }
        XCTAssertTrue(languages.contains { $0 == ("en", "Harbor Talks Resume") }, "\(languages)")
        XCTAssertTrue(languages.contains { $0.0 == "zh-Hans" })
        XCTAssertEqual(languages.count, xml.components(separatedBy: "<entry").count - 1, "every entry has its language")
        XCTAssertTrue(try site.page("zh/index.html").contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"全部语言的文章（Atom 订阅）\" href=\"/review/feed.xml\">"))
    }
}
