import DuetBuild
import DuetModel
import Foundation
import XCTest

/// A small bilingual journal built end to end with the default theme and the default permalink
/// (`/:lang/issues/:issue/:slug/`): issue pages, the archive, author pages and index, bylines,
/// scholarly metadata and citations; then bad input.
final class JournalSiteTests: XCTestCase {
    static let siteYAML = SiteFixture.issuePermalinkSiteYAML + """

        base_url: https://journal.example.org
        first_year: 2024
        """

    static let files: [String: String] = [
        "issues/2025-q1.yml": "title:\n  en: Lines That Stay Open\n  zh: 不掉线的热线\nnote:\n"
            + "  en: |\n    Three pieces on *keeping channels alive* when politics turns cold.\n"
            + "  zh: |\n    本期三篇文章讨论政治转冷时如何**保持渠道畅通**。\n",
        "issues/2024-q4.yml": "title:\n  en: Autumn Soundings\n  zh: 秋日测深\n",
        "authors/lin-yawei.yml": "name:\n  en: Lin Yawei\n  zh: 林雅薇\nfamily_name:\n  en: Lin\n  zh: 林\n"
            + "affiliation:\n  en: Jinling School of Diplomacy\n  zh: 金陵外交学院\n",
        "authors/chen-wei.yml": "name:\n  en: Chen Wei\n  zh: 陈伟\nfamily_name:\n  en: Chen\n",
        "authors/hollis-marchetti.yml": "name:\n  en: Hollis Marchetti\n  zh: 霍莉丝·马尔凯蒂\n",
        "posts/en/2025-01-20-quiet-hotlines.md": post("Why Hotlines Go Quiet", "date: 2025-01-20 10:00:00 +0800",
                                                      "authors: [lin-yawei, hollis-marchetti]", "section: Essays"),
        "posts/zh/2025-01-20-quiet-hotlines.md": post("热线为何沉默", "date: 2025-01-20 10:00:00 +0800",
                                                      "author: 林雅薇和霍莉丝·马尔凯蒂", "section: Essays"),
        "posts/en/2025-02-11-fisheries-workshop.md": post("Notes from a Fisheries Workshop", "author: Chen Wei",
                                                          "section: Dialogue Reports"),
        "posts/zh/2025-02-11-fisheries-workshop.md": post("渔业研讨会纪要", "author: 陈伟", "section: Dialogue Reports"),
        "posts/en/2025-03-02-reading-the-charts.md": post("Reading the Charts", "author: Hollis Marchetti", "section: Reviews"),
        "posts/zh/2025-03-05-haiyang-fa.md": post("海洋法的灰色地带", "author: 陈伟、林雅薇", "section: Essays"),
        "posts/en/2024-11-12-autumn-talks.md": post("Autumn Talks", "author: Lin Yawei"),
        "posts/en/2025-05-06-spring-visit.md": post("A Spring Visit", "author: Chen Wei"),
    ]

    /// A post with the given front matter lines and a one-paragraph body.
    static func post(_ title: String, _ lines: String...) -> String {
        "---\ntitle: \(title)\n" + lines.map { $0 + "\n" }.joined() + "---\nThe body of “\(title)”.\n"
    }

    nonisolated(unsafe) static var site: SiteFixture?
    nonisolated(unsafe) static var report: BuildReport?

    override class func setUp() {
        guard let site = try? SiteFixture(files: files, siteYAML: siteYAML) else { return }
        Self.site = site
        Self.report = site.build(strict: true)
    }

    override class func tearDown() { site?.remove() }

    private func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let report = try XCTUnwrap(Self.report, file: file, line: line)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return try XCTUnwrap(Self.site, file: file, line: line).page(path)
    }

    /// Asserts that the fragments occur in `html` in this order.
    private func assertOrder(_ fragments: [String], in html: String, file: StaticString = #filePath, line: UInt = #line) {
        var rest = html[...]
        for fragment in fragments {
            guard let range = rest.range(of: fragment) else {
                return XCTFail("'\(fragment)' missing or out of order", file: file, line: line)
            }
            rest = rest[range.upperBound...]
        }
    }

    private func meta(_ name: String, in html: String) -> [String] {
        html.matches(of: /<meta name="([^"]+)" content="([^"]*)">/).filter { $0.output.1 == name }.map { String($0.output.2) }
    }

    private func jsonLD(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let script = try XCTUnwrap(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.output.1,
                                   "no JSON-LD", file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(script.utf8))
        return try XCTUnwrap(object as? [String: Any], file: file, line: line)
    }

    // MARK: Issues

    func testBuildsStrictlyWithTheDefaultIssuePermalink() throws {
        XCTAssertEqual(try XCTUnwrap(Self.report).diagnostics, [], "builds with --strict and no warning")
        let site = try XCTUnwrap(Self.site)
        for path in ["en/issues/2025-q1/quiet-hotlines/index.html", "zh/issues/2025-q1/haiyang-fa/index.html",
                     "en/issues/2024-q4/autumn-talks/index.html", "en/issues/2025-q2/spring-visit/index.html",
                     "zh/issues/2025-q2/index.html", "en/authors/index.html", "zh/authors/chen-wei/index.html"] {
            XCTAssertTrue(site.exists(path), path)
        }
    }

    func testIssuePageHasNoteSectionsAndNeighbours() throws {
        let html = try page("en/issues/2025-q1/index.html")
        XCTAssertTrue(html.contains("Lines That Stay Open"))
        XCTAssertTrue(html.contains("Vol. 2, No. 1"), "first_year 2024 makes 2025 volume 2")
        XCTAssertTrue(html.contains("<em>keeping channels alive</em>"), "the editors' note is rendered")
        assertOrder(["From the editors", "Contents", "Essays", "Why Hotlines Go Quiet",
                     "Dialogue Reports", "Notes from a Fisheries Workshop", "Reviews", "Reading the Charts"], in: html)
        XCTAssertFalse(html.contains("海洋法的灰色地带"), "only this language's articles")
        XCTAssertTrue(html.contains(#"<a rel="prev" href="/en/issues/2024-q4/">"#), html)
        XCTAssertTrue(html.contains(#"<a rel="next" href="/en/issues/2025-q2/">"#), html)
    }

    func testChineseIssuePageTranslatesSections() throws {
        let html = try page("zh/issues/2025-q1/index.html")
        XCTAssertTrue(html.contains("不掉线的热线"))
        XCTAssertTrue(html.contains("第2卷第1期"))
        XCTAssertTrue(html.contains("<strong>保持渠道畅通</strong>"))
        assertOrder(["编者按", "目录", "论文", "热线为何沉默", "对话纪要", "渔业研讨会纪要"], in: html)
        XCTAssertTrue(html.contains("海洋法的灰色地带"))
        XCTAssertFalse(html.contains(">Essays<"))
        XCTAssertFalse(html.contains("书评"), "no review in Chinese this quarter")
    }

    func testOldestAndNewestIssuesHaveOneNeighbour() throws {
        let (oldest, newest) = (try page("en/issues/2024-q4/index.html"), try page("en/issues/2025-q2/index.html"))
        XCTAssertFalse(oldest.contains(#"rel="prev""#) || newest.contains(#"rel="next""#))
        XCTAssertTrue(oldest.contains(#"<a rel="next" href="/en/issues/2025-q1/">"#))
        XCTAssertTrue(newest.contains(#"<a rel="prev" href="/en/issues/2025-q1/">"#))
    }

    func testArchiveListsIssuesByYearNewestFirst() throws {
        let html = try page("en/issues/index.html")
        assertOrder([#"id="year-2025""#, #"href="/en/issues/2025-q2/""#, #"href="/en/issues/2025-q1/""#,
                     #"id="year-2024""#, #"href="/en/issues/2024-q4/""#], in: html)
        XCTAssertTrue(html.contains("Lines That Stay Open"))
        let chinese = try page("zh/issues/index.html")
        assertOrder(["2025", "不掉线的热线", "2024", "秋日测深"], in: chinese)
    }

    // MARK: Authors

    func testAuthorPageGroupsArticlesByIssue() throws {
        let html = try page("en/authors/lin-yawei/index.html")
        XCTAssertTrue(html.contains("<h1>Lin Yawei</h1>"))
        XCTAssertTrue(html.contains("Jinling School of Diplomacy"))
        assertOrder([#"<a href="/en/issues/2025-q1/">Vol. 2, No. 1"#, "Why Hotlines Go Quiet",
                     #"<a href="/en/issues/2024-q4/">Vol. 1, No. 4"#, "Autumn Talks"], in: html)
    }

    func testAuthorPageListsCoauthorsAndOtherLanguages() throws {
        let html = try page("en/authors/lin-yawei/index.html")
        let coauthors = try XCTUnwrap(html.firstMatch(of: /<section class="coauthors"(?s)(.*?)<\/section>/)?.output.1)
        XCTAssertTrue(coauthors.contains(#"<a href="/en/authors/hollis-marchetti/">Hollis Marchetti</a>"#), String(coauthors))
        XCTAssertTrue(coauthors.contains(#"<a href="/en/authors/chen-wei/">Chen Wei</a>"#), "from the Chinese-only article")
        XCTAssertFalse(coauthors.contains("Lin Yawei"))
        let elsewhere = try XCTUnwrap(html.firstMatch(of: /<section class="elsewhere"(?s)(.*?)<\/section>/)?.output.1)
        XCTAssertTrue(elsewhere.contains(#"href="/zh/issues/2025-q1/haiyang-fa/""#), String(elsewhere))
        XCTAssertTrue(elsewhere.contains("海洋法的灰色地带"))
        XCTAssertTrue(elsewhere.contains(#"<small class="language-mark">(中文)</small>"#), String(elsewhere))
        XCTAssertFalse(elsewhere.contains("热线为何沉默"), "translated articles are not listed as elsewhere")
    }

    func testChineseAuthorIndexIsInPinyinOrderWithLetters() throws {
        let html = try page("zh/authors/index.html")
        assertOrder([#"id="letter-C""#, "陈伟", #"id="letter-L""#, "林雅薇", #"id="letter-M""#, "霍莉丝·马尔凯蒂"], in: html)
        XCTAssertTrue(html.contains(#"<a href="/zh/authors/lin-yawei/">林雅薇</a>, 金陵外交学院"#))
        let english = try page("en/authors/index.html")
        assertOrder(["Chen Wei", "Lin Yawei", "Hollis Marchetti"], in: english)
    }

    func testBylinesLinkToAuthorPages() throws {
        func byline(_ path: String) throws -> String {
            String(try XCTUnwrap(try page(path).firstMatch(of: /<p class="byline">(.*?)<\/p>/)?.output.1, path))
        }
        XCTAssertTrue(try byline("en/issues/2025-q1/quiet-hotlines/index.html").hasPrefix(
            #"<a href="/en/authors/lin-yawei/">Lin Yawei</a> and <a href="/en/authors/hollis-marchetti/">Hollis Marchetti</a>"#))
        XCTAssertTrue(try byline("zh/issues/2025-q1/quiet-hotlines/index.html").hasPrefix(
            #"<a href="/zh/authors/lin-yawei/">林雅薇</a>和<a href="/zh/authors/hollis-marchetti/">霍莉丝·马尔凯蒂</a>"#))
        XCTAssertTrue(try byline("zh/issues/2025-q1/haiyang-fa/index.html").hasPrefix(
            #"<a href="/zh/authors/chen-wei/">陈伟</a>和<a href="/zh/authors/lin-yawei/">林雅薇</a>"#))
    }

    func testUntranslatedArticleSwitchesToTheOtherLanguagesIssue() throws {
        let html = try page("en/issues/2025-q1/reading-the-charts/index.html")
        XCTAssertTrue(html.contains(#"<a href="/zh/issues/2025-q1/" hreflang="zh-Hans" lang="zh-Hans">中文</a>"#), html)
    }

    // MARK: Scholarly metadata

    func testHighwireTagsInTheArticlesLanguage() throws {
        let english = try page("en/issues/2025-q1/quiet-hotlines/index.html")
        XCTAssertEqual(meta("citation_title", in: english), ["Why Hotlines Go Quiet"])
        XCTAssertEqual(meta("citation_author", in: english), ["Lin Yawei", "Marchetti, Hollis"])
        XCTAssertEqual(meta("citation_journal_title", in: english), ["Test Review"])
        XCTAssertEqual(meta("citation_volume", in: english), ["2"])
        XCTAssertEqual(meta("citation_issue", in: english), ["1"])
        XCTAssertEqual(meta("citation_language", in: english), ["en"])
        XCTAssertEqual(meta("citation_publication_date", in: english), ["2025/01/20"])

        let chinese = try page("zh/issues/2025-q1/quiet-hotlines/index.html")
        XCTAssertEqual(meta("citation_title", in: chinese), ["热线为何沉默"])
        XCTAssertEqual(meta("citation_author", in: chinese), ["林雅薇", "霍莉丝·马尔凯蒂"])
        // Scholar merges the versions of a work by their journal: one title on every version.
        XCTAssertEqual(meta("citation_journal_title", in: chinese), ["Test Review"])
        XCTAssertEqual(meta("citation_volume", in: chinese), ["2"])
        XCTAssertEqual(meta("citation_issue", in: chinese), ["1"])
        XCTAssertEqual(meta("citation_language", in: chinese), ["zh"])
    }

    func testIssuePagesHaveNoCitationTags() throws {
        XCTAssertEqual(meta("citation_title", in: try page("en/issues/2025-q1/index.html")), [])
    }

    func testJSONLDDescribesTheArticleAndItsTranslation() throws {
        let enURL = "https://journal.example.org/en/issues/2025-q1/quiet-hotlines/"
        let zhURL = "https://journal.example.org/zh/issues/2025-q1/quiet-hotlines/"
        /// The value at a path of nested objects.
        func at(_ object: [String: Any], _ path: String...) -> Any? {
            path.reduce(object as Any?) { ($0 as? [String: Any])?[$1] }
        }
        func names(_ value: Any?) -> [String] { (value as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? [] }
        let english = try jsonLD(try page("en/issues/2025-q1/quiet-hotlines/index.html"))
        XCTAssertEqual(english["@type"] as? String, "ScholarlyArticle")
        XCTAssertEqual(english["inLanguage"] as? String, "en")
        XCTAssertEqual(english["headline"] as? String, "Why Hotlines Go Quiet")
        XCTAssertEqual(english["url"] as? String, enURL)
        XCTAssertEqual(names(english["author"]), ["Lin Yawei", "Hollis Marchetti"])
        XCTAssertEqual(at(english, "isPartOf", "@type") as? String, "PublicationIssue")
        XCTAssertEqual(at(english, "isPartOf", "issueNumber") as? String, "1")
        XCTAssertEqual(at(english, "isPartOf", "isPartOf", "@type") as? String, "PublicationVolume")
        XCTAssertEqual(at(english, "isPartOf", "isPartOf", "volumeNumber") as? String, "2")
        XCTAssertEqual(at(english, "isPartOf", "isPartOf", "isPartOf", "@type") as? String, "Periodical")
        XCTAssertEqual(at(english, "isPartOf", "isPartOf", "isPartOf", "name") as? String, "Test Review")
        XCTAssertEqual((english["workTranslation"] as? [[String: Any]])?.compactMap { $0["@id"] as? String }, [zhURL])
        XCTAssertNil(english["translationOfWork"])
        let chinese = try jsonLD(try page("zh/issues/2025-q1/quiet-hotlines/index.html"))
        XCTAssertEqual(chinese["inLanguage"] as? String, "zh-Hans")
        XCTAssertEqual(names(chinese["author"]), ["林雅薇", "霍莉丝·马尔凯蒂"])
        XCTAssertEqual(at(chinese, "translationOfWork", "@id") as? String, enURL)
        XCTAssertNil(chinese["workTranslation"])
        XCTAssertEqual(at(chinese, "isPartOf", "isPartOf", "isPartOf", "name") as? String, "测试评论")
    }

    func testCiteBlockIsChicagoInEnglishAndGBTInChinese() throws {
        let english = try page("en/issues/2025-q1/quiet-hotlines/index.html")
        let enCite = try XCTUnwrap(english.firstMatch(of: /<section class="cite"(?s)(.*?)<\/section>/)?.output.1)
        XCTAssertTrue(enCite.contains("Cite this article"))
        XCTAssertTrue(enCite.contains("<p>Lin Yawei"), "a family-first name is not inverted: \(enCite)")
        XCTAssertTrue(enCite.contains("Hollis Marchetti. “Why Hotlines Go Quiet.” <em>Test Review</em> 2, no. 1 (2025). "
                                      + "https://journal.example.org/en/issues/2025-q1/quiet-hotlines/."), String(enCite))
        XCTAssertFalse(enCite.components(separatedBy: "<details>")[0].contains("[J]"), "the main citation is Chicago")
        XCTAssertTrue(enCite.contains("<summary>GB/T 7714 (Chinese style)</summary>\n<p>LIN Y, MARCHETTI H. Why Hotlines Go Quiet[J]. "
                                      + "Test Review, 2025, 2(1). "), "and GB/T 7714 for Chinese readers: \(enCite)")
        XCTAssertTrue(enCite.contains("@article{lin2025why,"), String(enCite))

        let chinese = try page("zh/issues/2025-q1/quiet-hotlines/index.html")
        let zhCite = try XCTUnwrap(chinese.firstMatch(of: /<section class="cite"(?s)(.*?)<\/section>/)?.output.1)
        XCTAssertTrue(zhCite.contains("引用本文"))
        XCTAssertTrue(zhCite.contains("林雅薇, 霍莉丝·马尔凯蒂. 热线为何沉默[J]. 测试评论, 2025, 2(1). "
                                      + "https://journal.example.org/zh/issues/2025-q1/quiet-hotlines/."), String(zhCite))
    }

    // MARK: Bad input

    func testUnknownIssueFailsTheBuildAtItsLine() throws {
        let site = try SiteFixture(files: ["posts/en/2025-02-01-stray.md": Self.post("Stray", "issue: monsoon-special")],
                                   siteYAML: Self.siteYAML)
        defer { site.remove() }
        let report = site.build()
        let path = site.content.appendingPathComponent("posts/en/2025-02-01-stray.md").path
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(errors.count, 1, errors.joined(separator: "\n"))
        XCTAssertTrue(errors.first?.hasPrefix("\(path):3:1: error: issue 'monsoon-special' ") == true, errors.first ?? "")
        XCTAssertFalse(report.succeeded)
        XCTAssertFalse(site.exists("index.html"), "nothing is written")
    }

    func testUnknownAuthorIsAWarningAndAnErrorWhenStrict() throws {
        let site = try SiteFixture(files: ["posts/en/2025-02-01-guest.md": Self.post("Guest Column", "author: Ottoline Brisk")],
                                   siteYAML: Self.siteYAML)
        defer { site.remove() }
        let path = site.content.appendingPathComponent("posts/en/2025-02-01-guest.md").path
        let message = "author 'Ottoline Brisk' is not in the registry (add content/authors/ottoline-brisk.yml)"

        let relaxed = site.build()
        XCTAssertTrue(relaxed.succeeded)
        XCTAssertEqual(relaxed.diagnostics.map(\.description), ["\(path):3:1: warning: \(message)"])
        XCTAssertTrue(site.exists("en/authors/ottoline-brisk/index.html"), "the unknown author still gets a page")

        let strict = site.build(strict: true)
        XCTAssertFalse(strict.succeeded)
        XCTAssertEqual(strict.diagnostics.map(\.description), ["\(path):3:1: error: \(message)"])
    }
}
