import DuetBuild
import DuetModel
import Foundation
import XCTest

/// Corrections, `updated:` and the note on a translation its original has outrun, as a reader
/// (and a feed reader, a crawler) sees them on a built site; and the located diagnostics for a
/// correction or an `updated:` that cannot be right.
final class JournalRevisionTests: XCTestCase {
    private static let siteYAML = SiteFixture.bilingualSiteYAML + "\nbase_url: https://review.example.org\n"

    private static let original = """
        ---
        title: Harbour Talks
        date: 2025-01-15 09:00:00 +0800
        updated: 2025-03-10
        author: Ada Quill
        corrections:
          - date: 2025-03-03
            note:
              en: "The port's tonnage was given for 2023, not 2024."
              zh: "港口吞吐量误用了2023年的数字，已改为2024年。"
          - date: 2025-02-01
            note: An earlier version misspelt a delegate's name.
        ---

        Two ports, one agenda.
        """

    private static let translation = """
        ---
        title: 港口对话
        date: 2025-01-15 09:00:00 +0800
        author: 艾达·奎尔
        corrections:
          - date: 2025-03-03
            note:
              en: "The port's tonnage was given for 2023, not 2024."
              zh: "港口吞吐量误用了2023年的数字，已改为2024年。"
        ---

        两个港口，一份议程。
        """

    private func site(_ extra: [String: String] = [:]) throws -> SiteFixture {
        try SiteFixture(files: ["posts/en/2025-01-15-harbour.md": Self.original,
                                "posts/zh/2025-01-15-harbour.md": Self.translation,
                                "authors/ada-quill.yml": "name:\n  en: Ada Quill\n  zh: 艾达·奎尔\n"].merging(extra) { $1 },
                        siteYAML: Self.siteYAML)
    }

    func testCorrectionsShowAtTheTopOfTheArticleInEachLanguage() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        let en = try site.page("en/2025/harbour/index.html")
        let notices = en.components(separatedBy: "class=\"correction-note\"").dropFirst()
        XCTAssertEqual(notices.count, 2, en)
        // Oldest first, each in its own note, the date as the site formats it.
        XCTAssertTrue(notices.first?.hasPrefix(" role=\"note\">Corrected on <time datetime=\"2025-02-01\">1 February 2025</time>: "
                                               + "An earlier version misspelt a delegate&#39;s name.</p>") == true
                      || notices.first?.hasPrefix(" role=\"note\">Corrected on <time datetime=\"2025-02-01\">1 February 2025</time>: "
                                                  + "An earlier version misspelt a delegate&#x27;s name.</p>") == true, en)
        XCTAssertTrue(en.contains("Corrected on <time datetime=\"2025-03-03\">3 March 2025</time>: The port"), en)
        XCTAssertTrue(en.contains("<p class=\"updated-note\">Updated on <time datetime=\"2025-03-10\">10 March 2025</time>.</p>"), en)
        // The notice stands before the text.
        let body = try XCTUnwrap(en.range(of: "<div class=\"body\">"))
        XCTAssertLessThan(try XCTUnwrap(en.range(of: "correction-note")).lowerBound, body.lowerBound)

        let zh = try site.page("zh/2025/harbour/index.html")
        XCTAssertTrue(zh.contains("<p class=\"correction-note\" role=\"note\"><time datetime=\"2025-03-03\">2025年3月3日</time>更正："
                                  + "港口吞吐量误用了2023年的数字，已改为2024年。</p>"), zh)
    }

    func testModificationDatesReachJSONLDTheFeedsAndTheSitemap() throws {
        let site = try site()
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let en = try site.page("en/2025/harbour/index.html")
        // The later of updated: (10 March) and the newest correction (3 March).
        XCTAssertTrue(en.contains("\"dateModified\":\"2025-03-10T00:00:00+08:00\""), en)
        XCTAssertTrue(en.contains("\"datePublished\":\"2025-01-15T09:00:00+08:00\""), en)
        let zh = try site.page("zh/2025/harbour/index.html")
        XCTAssertTrue(zh.contains("\"dateModified\":\"2025-03-03T00:00:00+08:00\""), "the translation's own correction")

        let feed = try site.page("en/feed.xml")
        XCTAssertTrue(feed.contains("<published>2025-01-15T09:00:00+08:00</published>\n<updated>2025-03-10T00:00:00+08:00</updated>"), feed)
        XCTAssertTrue(feed.contains("<id>https://review.example.org/en/</id>\n<updated>2025-03-10T00:00:00+08:00</updated>"),
                      "the feed changed when its newest entry did")
        let combined = try site.page("feed.xml")
        XCTAssertTrue(combined.contains("<updated>2025-03-10T00:00:00+08:00</updated>"), combined)

        let sitemap = try site.page("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://review.example.org/en/2025/harbour/</loc>\n<lastmod>2025-03-10T00:00:00+08:00</lastmod>"), sitemap)
        XCTAssertTrue(sitemap.contains("<loc>https://review.example.org/zh/2025/harbour/</loc>\n<lastmod>2025-03-03T00:00:00+08:00</lastmod>"), sitemap)
    }

    func testATranslationOlderThanItsRevisedOriginalSaysSoAndLinksIt() throws {
        let site = try site()
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let zh = try site.page("zh/2025/harbour/index.html")
        XCTAssertTrue(zh.contains("<p class=\"revision-note\" role=\"note\">本文原文已于<time datetime=\"2025-03-10\">2025年3月10日</time>修订，"
                                  + "晚于本译文的完成时间，译文可能尚未反映相关改动。"
                                  + "<a href=\"/en/2025/harbour/\" hreflang=\"en\">阅读原文（English）</a></p>"), zh)
        XCTAssertFalse(try site.page("en/2025/harbour/index.html").contains("revision-note"), "the original has no such note")
    }

    func testATranslationRevisedAfterItsOriginalHasNoNote() throws {
        let site = try site(["posts/zh/2025-01-15-harbour.md": Self.translation.replacing("author: 艾达·奎尔", with: "author: 艾达·奎尔\nupdated: 2025-03-12")])
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        XCTAssertFalse(try site.page("zh/2025/harbour/index.html").contains("revision-note"))
    }

    func testAnEnglishTranslationOfAChineseOriginalGetsTheNoteInEnglish() throws {
        let site = try SiteFixture(files: [
            "posts/zh/2025-02-01-tides.md": "---\ntitle: 春潮\ndate: 2025-02-01\nupdated: 2025-04-02\n---\n\n潮位计慢了一天。\n",
            "posts/en/2025-02-01-tides.md": "---\ntitle: Spring Tides\ndate: 2025-02-01\n---\n\nThe tide gauges were late.\n",
        ], siteYAML: Self.siteYAML + "default_language: zh\n")
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let en = try site.page("en/2025/tides/index.html")
        XCTAssertTrue(en.contains("The original of this article was revised on <time datetime=\"2025-04-02\">2 April 2025</time>, after this "
                                  + "translation was made; the translation may not yet reflect the change. "
                                  + "<a href=\"/zh/2025/tides/\" hreflang=\"zh-Hans\">Read the original (中文)</a>"), en)
    }

    // MARK: Bad input

    func testImpossibleRevisionsAreLocatedWarningsAndErrorsWithStrict() throws {
        let post = """
            ---
            title: Ledger
            date: 2025-02-10
            updated: last spring
            corrections:
              - note: A figure was wrong.
              - date: 2025-01-02
                note: Dated before the article.
              - date: 2025-02-12
                note: This one is fine.
            ---

            Body.
            """
        let site = try SiteFixture(files: ["posts/en/2025-02-10-ledger.md": post], siteYAML: Self.siteYAML)
        defer { site.remove() }
        let path = site.content.appendingPathComponent("posts/en/2025-02-10-ledger.md").path
        let lenient = site.build()
        XCTAssertTrue(lenient.succeeded, "\(lenient.diagnostics)")
        let messages = lenient.diagnostics.map(\.description).filter { $0.contains("ledger.md") }
        XCTAssertEqual(messages, [
            "\(path):4:1: warning: updated: 'last spring' is not a date (write YYYY-MM-DD [HH:MM:SS +ZZZZ]); the article is shown as never updated",
            "\(path):6:5: warning: correction without a date: add 'date: YYYY-MM-DD'; it is not shown",
            "\(path):7:5: warning: correction dated 2025-01-02, before the article's date 2025-02-10; it is not shown",
        ], messages.joined(separator: "\n"))
        let page = try site.page("en/2025/ledger/index.html")
        XCTAssertEqual(page.components(separatedBy: "class=\"correction-note\"").count - 1, 1, "only the readable correction is shown")
        XCTAssertTrue(page.contains("12 February 2025</time>: This one is fine."), page)
        XCTAssertFalse(page.contains("updated-note"))

        let strict = site.build(strict: true)
        XCTAssertFalse(strict.succeeded)
        XCTAssertEqual(strict.diagnostics.filter { $0.location.file == path }.map(\.severity), [.error, .error, .error])
    }

    func testAnUpdatedDateBeforeTheArticleAndCorrectionsThatAreNotAListAreReported() throws {
        let site = try SiteFixture(files: [
            "posts/zh/2025-02-10-ledger.md": "---\ntitle: 账本\ndate: 2025-02-10\nupdated: 2025-01-01\ncorrections: 已更正\n---\n\n正文。\n",
        ], siteYAML: Self.siteYAML)
        defer { site.remove() }
        let path = site.content.appendingPathComponent("posts/zh/2025-02-10-ledger.md").path
        let messages = site.build().diagnostics.map(\.description).filter { $0.contains("ledger.md") }
        XCTAssertEqual(messages, [
            "\(path):4:1: warning: updated: 2025-01-01 is before the article's date, 2025-02-10; the article is shown as never updated",
            "\(path):5:1: warning: corrections: expected a list of '- date: ... note: ...' items, found text; no correction is shown",
        ], messages.joined(separator: "\n"))
    }

    // MARK: Citation files

    func testEveryArticleHasItsCitationFilesLinkedFromTheCiteBlock() throws {
        let site = try site()
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let zh = try site.page("zh/2025/harbour/index.html")
        for name in ["cite.ris", "cite.bib", "cite.json"] {
            XCTAssertTrue(site.exists("zh/2025/harbour/\(name)"), name)
            XCTAssertTrue(zh.contains("href=\"/zh/2025/harbour/\(name)\""), name)
        }
        let bib = try site.page("zh/2025/harbour/cite.bib")
        XCTAssertTrue(zh.contains(bib.trimmingCharacters(in: .newlines).replacing("{", with: "{").components(separatedBy: "\n")[1]),
                      "the file and the page show one BibTeX")
        XCTAssertTrue(bib.contains("title = {{港口对话}}"), bib)
        let ris = try site.page("zh/2025/harbour/cite.ris")
        XCTAssertTrue(ris.contains("TI  - 港口对话\r\nAU  - "), ris)
        XCTAssertTrue(ris.contains("UR  - https://review.example.org/zh/2025/harbour/\r\n"), ris)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try site.page("en/2025/harbour/cite.json").utf8)) as? [[String: Any]])
        XCTAssertEqual(json.first?["title"] as? String, "Harbour Talks")
        XCTAssertEqual(json.first?["URL"] as? String, "https://review.example.org/en/2025/harbour/")
    }

    // MARK: The sample publication

    func testTheSampleShowsItsCorrectionItsBehindNoteAndCitationFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
        let output = root.appendingPathComponent("_site")
        let report = Builder(options: BuildOptions(source: root.appendingPathComponent("content").path,
                                                   theme: SiteFixture.defaultTheme.path, output: output.path, strict: true,
                                                   now: Date(timeIntervalSince1970: 1_767_225_600))).build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let article = "issues/2025-q1/designing-the-small-table/"
        XCTAssertTrue(try page("en/\(article)index.html").contains("Corrected on <time datetime=\"2025-02-04\">4 February 2025</time>: "))
        XCTAssertTrue(try page("zh/\(article)index.html").contains("<time datetime=\"2025-02-04\">2025年2月4日</time>更正："))
        let behind = try page("zh/issues/2025-q1/channels-that-get-used/index.html")
        XCTAssertTrue(behind.contains("本文原文已于<time datetime=\"2025-05-12\">2025年5月12日</time>修订"), behind)
        XCTAssertTrue(behind.contains("<a href=\"/en/issues/2025-q1/channels-that-get-used/\" hreflang=\"en\">"), behind)
        XCTAssertFalse(try page("zh/\(article)index.html").contains("revision-note"), "corrected on the same day as its original")
        for language in ["en", "zh"] {
            let ris = try page("\(language)/\(article)cite.ris")
            XCTAssertTrue(ris.contains("DO  - 10.5555/duet.2025-q1.designing-the-small-table.\(language)\r\n"), ris)
        }
        XCTAssertTrue(try page("zh/\(article)cite.ris").contains("AU  - 唐, 若溪\r\n"))
    }
}
