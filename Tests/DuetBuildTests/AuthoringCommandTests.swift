import DuetBuild
import Foundation
import XCTest

/// `duet status`, `duet new` and `duet import` run as the real executable on temporary sites,
/// and the files they write built end to end.
final class AuthoringCommandTests: XCTestCase {
    private var executable: URL { DuetExecutable.url }

    private func duet(_ arguments: [String], in folder: URL) throws -> DuetExecutable.Result {
        try DuetExecutable.run(arguments, in: folder)
    }

    /// The one file under `folder` whose name contains `fragment`, relative to the site root.
    private func file(in site: SiteFixture, under folder: String, containing fragment: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent(folder).path)
        let matches = names.filter { $0.contains(fragment) }
        XCTAssertEqual(matches.count, 1, "\(names)")
        return "content/\(folder)/\(try XCTUnwrap(matches.first))"
    }

    /// The rendered page whose path contains `fragment`.
    private func page(in site: SiteFixture, containing fragment: String) throws -> String {
        let path = try XCTUnwrap(site.snapshot().keys.first { $0.contains(fragment) && $0.hasSuffix("index.html") },
                                 "no page for \(fragment)")
        return try site.page(String(path.dropFirst()))
    }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
    }

    // MARK: duet new

    func testNewPostIsADraftThatBuildsAndIsNeverOverwritten() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let made = try duet(["new", "post", "--lang", "en", "--issue", "2025-Q2", "Rivers & Ledgers: A Talk"], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        let path = try file(in: site, under: "posts/en", containing: "-rivers-ledgers-a-talk.md")
        XCTAssertTrue(made.stdout.contains("Wrote content/posts/en/"), made.stdout)
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        XCTAssertTrue(text.contains("\ntitle: \"Rivers & Ledgers: A Talk\"\n"), text)
        XCTAssertTrue(text.contains("\nissue: 2025-Q2\n"), text)
        XCTAssertTrue(text.contains(" +0800\n"), "dated with the site's offset: \(text)")
        try site.write(String(path.dropFirst("content/".count)), text + "First paragraph of the talk.\n")

        // Dated now: the fixture's fixed build date is earlier, hence `future`.
        XCTAssertTrue(site.build(future: true).succeeded)
        XCTAssertFalse(site.snapshot().keys.contains { $0.contains("rivers-ledgers-a-talk") }, "a draft stays out")
        let report = site.build(drafts: true, future: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.description)
        let html = try page(in: site, containing: "rivers-ledgers-a-talk")
        XCTAssertTrue(html.contains("Rivers &amp; Ledgers: A Talk"), html)
        XCTAssertTrue(html.contains("First paragraph of the talk."), html)

        let again = try duet(["new", "post", "--lang", "en", "Rivers & Ledgers: A Talk"], in: site.root)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("\(path): error: \(path) already exists; nothing was written"), again.stderr)
    }

    func testChinesePostGetsAPinyinSlug() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let made = try duet(["new", "post", "--lang", "zh", "河流与账本"], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        _ = try file(in: site, under: "posts/zh", containing: "-he-liu-yu-zhang-ben.md")
        let unknown = try duet(["new", "post", "--lang", "fr", "Titre"], in: site.root)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("error: language 'fr' is not in site.yml (languages: en, zh)"), unknown.stderr)
    }

    func testNewTranslationWritesTheTwinThatPairsWithTheOriginal() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let original = "content/posts/en/2024-11-20-autumn-notes.md"
        let made = try duet(["new", "translation", original], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        let twin = try String(contentsOf: site.content.appendingPathComponent("posts/zh/2024-11-20-autumn-notes.md"), encoding: .utf8)
        XCTAssertTrue(twin.contains("title: \"[translate] "), twin)
        XCTAssertTrue(twin.contains("draft: true"), twin)
        XCTAssertTrue(twin.contains("<!-- Translate \(original) here. -->"), twin)

        XCTAssertTrue(site.build(drafts: true).succeeded)
        let english = try page(in: site, containing: "en/2024/autumn-notes")
        XCTAssertTrue(english.contains("hreflang=\"zh-Hans\""), "the twin pairs with the original")

        let again = try duet(["new", "translation", original], in: site.root)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("content/posts/zh/2024-11-20-autumn-notes.md already exists"), again.stderr)
    }

    // MARK: duet import

    func testImportedReportBuildsWithItsHeadingsAndLists() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let text = SiteFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/import/en-report.txt")
        let made = try duet(["import", text.path, "--lang", "en", "--issue", "2025-Q2"], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        let path = try file(in: site, under: "posts/en", containing: "-harbor-notes-on-shared-rivers.md")
        let markdown = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        XCTAssertTrue(markdown.contains("\ntitle: \"Harbor Notes on Shared Rivers\"\n"), markdown)

        let report = site.build(drafts: true, future: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.description)
        let html = try page(in: site, containing: "harbor-notes-on-shared-rivers")
        XCTAssertTrue(html.contains("<h1"), html)
        XCTAssertTrue(html.contains("Harbor Notes on Shared Rivers</h1>"), html)
        XCTAssertTrue(html.contains("What the Participants Found</h2>"), html)
        XCTAssertTrue(html.contains("Next Steps</h2>"), html)
        XCTAssertTrue(html.contains("<li>Forecast models agree on timing and disagree on volume.</li>"), html)
        XCTAssertTrue(html.contains("<li>Sino-American exchanges of staff"), html)
        XCTAssertTrue(html.contains("before any formal negotiation begins."), html)
        XCTAssertFalse(html.contains("Lantern Bay Forum"), "running header removed")

        let again = try duet(["import", text.path, "--lang", "en"], in: site.root)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testChineseImportBuilds() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let text = SiteFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/import/zh-report.txt")
        let made = try duet(["import", text.path, "--lang", "zh", "--slug", "river-data-notes"], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(site.build(drafts: true, future: true).succeeded)
        let html = try page(in: site, containing: "/river-data-notes/")
            .replacing(/\s+/, with: " ")
        XCTAssertTrue(html.contains("河流数据共享座谈纪要</h1>"), html)
        XCTAssertTrue(html.contains("比较了双方如何估算跨境河流的洪水风险"), html)
        XCTAssertTrue(html.contains("<li>双方的水位记录都比预想的更长，但格式不同，难以对照使用。</li>"), html)
    }

    func testImportRefusesBinaryAndEmptyFiles() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        try Data("%PDF-1.7\n1 0 obj\n\0\u{2}\u{3}".utf8).write(to: site.root.appendingPathComponent("report.txt"))
        let binary = try duet(["import", "report.txt", "--lang", "en"], in: site.root)
        XCTAssertEqual(binary.status, 1)
        XCTAssertTrue(binary.stderr.contains("report.txt:3: error: this is not a text file"), binary.stderr)
        try Data("\n  \n".utf8).write(to: site.root.appendingPathComponent("blank.txt"))
        let empty = try duet(["import", "blank.txt", "--lang", "en"], in: site.root)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("blank.txt: error: the file has no text to import"), empty.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent("posts/en").path).count, 3)
    }

    // MARK: duet status

    static let statusFiles: [String: String] = [
        "posts/en/2025-02-03-gauges.md": "---\ntitle: Counting Gauges\ndate: 2025-02-03\nupdated: 2025-03-01\n---\nText.\n",
        "posts/zh/2025-02-03-gauges.md": "---\ntitle: 数水位站\ndate: 2025-02-03\nupdated: 2025-02-10\n---\n正文。\n",
        "posts/en/2025-05-06-ledgers.md": "---\ntitle: Ledgers of the Delta\ndate: 2025-05-06\n---\nText.\n",
        "posts/en/2025-05-20-pumps.md": "---\ntitle: Pumps\ndate: 2025-05-20\n---\nText.\n",
        "posts/zh/2025-05-20-pumps.md": "---\ntitle: 水泵\ndate: 2025-05-20\n---\n正文。\n",
        "posts/zh/2025-06-01-dikes.md": "---\ntitle: 堤坝与村庄\ndate: 2025-06-01\ndraft: true\n---\n正文。\n",
    ]

    func testStatusListsMissingAndOutdatedTranslations() throws {
        let site = try SiteFixture(files: Self.statusFiles)
        defer { site.remove() }
        let result = try duet(["status"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.replacing(/\s+/, with: " ") }
        XCTAssertEqual(lines, [
            "ISSUE NEEDS STATE ORIGINAL TITLE",
            "2025-q2 zh missing content/posts/en/2025-05-06-ledgers.md Ledgers of the Delta",
            "2025-q2 en missing content/posts/zh/2025-06-01-dikes.md 堤坝与村庄",
            "2025-q1 zh outdated content/posts/en/2025-02-03-gauges.md Counting Gauges",
            "2 missing, 1 outdated",
        ])
    }

    func testStatusPageOnlyWithDraftsAndHiddenFromSearch() throws {
        let site = try SiteFixture(files: Self.statusFiles)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(site.exists("status/index.html"))
        XCTAssertTrue(site.build(drafts: true).succeeded)
        let html = try site.page("status/index.html")
        XCTAssertTrue(html.contains(#"<meta name="robots" content="noindex, nofollow">"#), html)
        XCTAssertTrue(html.contains(#"<td lang="zh-Hans">堤坝与村庄</td>"#), html)
        XCTAssertTrue(html.contains("<caption>3 translations to write or update</caption>"), html)
        XCTAssertTrue(html.contains("<td>outdated</td><td><code>\(site.content.path)/posts/en/2025-02-03-gauges.md</code>"), html)
        let home = try site.page("en/index.html")
        XCTAssertFalse(home.contains("/status/"), "not linked from the site")
    }
}
