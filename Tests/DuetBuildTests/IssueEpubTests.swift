import DuetBuild
import DuetModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZIPFoundation

/// Each issue as an EPUB per language, built end to end: what a reader's e-book app opens, what
/// EPUBCheck says about it, and the link on the issue page.
final class IssueEpubTests: XCTestCase {
    static let files: [String: String] = [
        "issues/2025-q1.yml": "title:\n  en: Rivers and Ledgers\n  zh: 河流与账本\ncover: /images/covers/2025-q1.svg\n"
            + "note:\n  en: |\n    Two reports on water&nbsp;data.\n  zh: |\n    两篇关于水文数据的报告。\n",
        "static/images/covers/2025-q1.svg": ##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400"><rect width="300" height="400" fill="#246"/></svg>"##,
        "static/images/gauge.svg": #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>"#,
        "authors/ines-calloway.yml": "name:\n  en: Ines Calloway\n  zh: 伊内丝·卡洛韦\naffiliation:\n  en: Delta Water Lab\n"
            + "bio:\n  en: |\n    Ines Calloway measures rivers for a living.\n  zh: |\n    伊内丝·卡洛韦以测量河流为业。\n",
        "posts/en/2025-02-03-gauges.md": """
            ---
            title: Counting Gauges & Floods
            date: 2025-02-03 09:00:00 +0800
            author: Ines Calloway
            ---
            Stations report<br>twice a day &mdash; sometimes&nbsp;less. See [the zh version](/zh/2025/gauges/).

            ![A gauge](/images/gauge.svg) ![Lost chart](/images/missing.svg)

            | Station | Readings |
            |:--|--:|
            | Upper | 12 |

            Checked<input type="checkbox" disabled checked> once.[^1]

            <aside>Rain&nbsp;gauges &hellip; <b>old</b><br></aside>

            [^1]: A footnote, with thanks to the lab.
            """,
        "posts/zh/2025-02-03-gauges.md": """
            ---
            title: 数水位站
            date: 2025-02-03 09:00:00 +0800
            author: 伊内丝·卡洛韦
            ---
            水位站每天报告两次。
            """,
        "posts/en/2025-03-20-ledgers.md": """
            ---
            title: Ledgers of the Delta
            date: 2025-03-20 18:30:00 +0800
            author: Ines Calloway
            ---
            The second report.
            """,
    ]

    static let siteYAML = SiteFixture.bilingualSiteYAML + "\nbase_url: https://water.example.org\n"

    private func unzipped(_ book: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: book, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    private func text(_ entries: [(path: String, data: Data)], _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(entries.first { $0.path == path }?.data, "no \(path)"), as: UTF8.self)
    }

    func testIssueBookHoldsCoverNavigationArticlesAndBios() throws {
        let site = try SiteFixture(files: Self.files, siteYAML: Self.siteYAML)
        defer { site.remove() }
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.description)
        let issuePage = try site.page("en/issues/2025-q1/index.html")
        let entries = try unzipped(site.output.appendingPathComponent("en/issues/2025-q1/issue-2025-q1-en.epub"))

        XCTAssertEqual(entries.first?.path, "mimetype")
        XCTAssertEqual(try text(entries, "mimetype"), "application/epub+zip")
        let package = try text(entries, "EPUB/package.opf")
        XCTAssertTrue(package.contains("<dc:language>en</dc:language>"), package)
        XCTAssertTrue(package.contains("<dc:title>Test Review · Vol. 1, No. 1 · Rivers and Ledgers</dc:title>"), package)
        // The latest article (20 March, 18:30 in Shanghai), in UTC: not the time of the build.
        XCTAssertTrue(package.contains("<meta property=\"dcterms:modified\">2025-03-20T10:30:00Z</meta>"), package)
        XCTAssertTrue(package.contains("properties=\"cover-image\""), package)
        XCTAssertTrue(package.contains("<dc:creator>Ines Calloway</dc:creator>"), package)
        XCTAssertFalse(entries.contains { $0.path.hasSuffix(".ncx") })

        let navigation = try text(entries, "EPUB/nav.xhtml")
        XCTAssertTrue(navigation.contains("<a href=\"text/c01.xhtml\">Counting Gauges &amp; Floods</a>"), navigation)
        XCTAssertTrue(navigation.contains("<a href=\"text/c02.xhtml\">Ledgers of the Delta</a>"), navigation)
        XCTAssertTrue(navigation.contains("<a href=\"text/c00.xhtml\">From the editors</a>"), navigation)

        // Every document is well-formed XML, the raw HTML of the article included.
        for entry in entries where entry.path.hasSuffix(".xhtml") || entry.path.hasSuffix(".opf") {
            let parser = XMLParser(data: entry.data)
            XCTAssertTrue(parser.parse(), "\(entry.path): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let article = try text(entries, "EPUB/text/c01.xhtml")
        XCTAssertTrue(article.contains("report<br />twice a day"), article)
        XCTAssertTrue(article.contains("<aside>Rain&#160;gauges &#8230; <b>old</b><br /></aside>"), article)
        XCTAssertTrue(article.contains(#"<input type="checkbox" disabled="" checked="" />"#), article)
        XCTAssertTrue(article.contains("href=\"https://water.example.org/zh/2025/gauges/\""), article)
        XCTAssertTrue(article.contains("src=\"../images/images-gauge.svg\""), article)
        XCTAssertTrue(entries.contains { $0.path == "EPUB/images/images-gauge.svg" })
        XCTAssertTrue(article.contains("alt=\"A gauge\" /> Lost chart</p>"), "an image the book lacks becomes its text: \(article)")
        XCTAssertTrue(article.contains("style=\"text-align: right\""), article)
        let bios = try text(entries, "EPUB/text/authors.xhtml")
        XCTAssertTrue(bios.contains("Ines Calloway measures rivers for a living."), bios)
        XCTAssertTrue(bios.contains("Delta Water Lab"), bios)

        let chinese = try unzipped(site.output.appendingPathComponent("zh/issues/2025-q1/issue-2025-q1-zh.epub"))
        let chinesePackage = try text(chinese, "EPUB/package.opf")
        XCTAssertTrue(chinesePackage.contains("<dc:language>zh-Hans</dc:language>"), chinesePackage)
        XCTAssertTrue(try text(chinese, "EPUB/text/c01.xhtml").contains("xml:lang=\"zh-Hans\""))
        let englishID = package.firstMatch(of: /urn:uuid:[0-9a-f-]{36}/).map { String($0.output) }
        let chineseID = chinesePackage.firstMatch(of: /urn:uuid:[0-9a-f-]{36}/).map { String($0.output) }
        XCTAssertNotNil(englishID)
        XCTAssertNotEqual(englishID, chineseID)

        XCTAssertTrue(issuePage.contains(#"<a href="/en/issues/2025-q1/issue-2025-q1-en.epub" type="application/epub+zip" download>"#),
                      issuePage)
        XCTAssertTrue(issuePage.contains("(EPUB)"), issuePage)
    }

    func testTheBookStatesItsArticlesLicence() throws {
        let site = try SiteFixture(files: Self.files, siteYAML: Self.siteYAML + "license: CC-BY-4.0\n")
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let package = try text(unzipped(site.output.appendingPathComponent("en/issues/2025-q1/issue-2025-q1-en.epub")), "EPUB/package.opf")
        XCTAssertTrue(package.contains("<dc:rights>Creative Commons Attribution 4.0 International (https://creativecommons.org/licenses/by/4.0/)</dc:rights>"),
                      package)
    }

    func testMimetypeIsStoredFirstAndTwoBuildsAreByteIdentical() throws {
        let site = try SiteFixture(files: Self.files, siteYAML: Self.siteYAML)
        defer { site.remove() }
        let path = "en/issues/2025-q1/issue-2025-q1-en.epub"
        XCTAssertTrue(site.build().succeeded)
        let first = try Data(contentsOf: site.output.appendingPathComponent(path))
        XCTAssertTrue(site.build().succeeded)
        let second = try Data(contentsOf: site.output.appendingPathComponent(path))
        XCTAssertEqual(first, second)
        // Local file header: signature, compression method 0 (stored), then the name and the bytes.
        XCTAssertEqual(Array(first.prefix(4)), [0x50, 0x4b, 0x03, 0x04])
        XCTAssertEqual(first[8], 0)
        XCTAssertEqual(first[9], 0)
        XCTAssertEqual(String(decoding: first[30..<58], as: UTF8.self), "mimetypeapplication/epub+zip")
    }

    func testMissingCoverWarnsAndTheBookHasNoCover() throws {
        var files = Self.files
        files["static/images/covers/2025-q1.svg"] = nil
        let site = try SiteFixture(files: files, siteYAML: Self.siteYAML)
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.severity), [.warning])
        XCTAssertTrue(report.diagnostics.first?.message.contains("/images/covers/2025-q1.svg") == true)
        let book = site.output.appendingPathComponent("en/issues/2025-q1/issue-2025-q1-en.epub")
        let package = try text(unzipped(book), "EPUB/package.opf")
        XCTAssertFalse(package.contains("cover-image"), package)
        if EpubCheck.jar != nil {
            let result = try EpubCheck.run(book)
            XCTAssertEqual(result.status, 0, result.report)
        }
    }

    /// The sample publication: every issue in every language passes EPUBCheck without errors.
    func testSampleEpubsPassEpubCheck() throws {
        try XCTSkipIf(EpubCheck.jar == nil, "epubcheck is not installed (apt-get install epubcheck)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-epub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let root = SiteFixture.repositoryRoot
        let report = Builder(options: BuildOptions(
            source: root.appendingPathComponent("content").path, theme: SiteFixture.defaultTheme.path,
            output: output.path, strict: true)).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.description)
        var books: [URL] = []
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "epub" { books.append(url) }
        }
        XCTAssertGreaterThanOrEqual(books.count, 8)
        // One Java process per book: two at a time, which is all the machine's cores.
        let results = ParallelMap.map(books) { book in (book, Result { try EpubCheck.run(book) }) }
        for (book, result) in results {
            let checked = try result.get()
            XCTAssertEqual(checked.status, 0, "\(book.lastPathComponent): \(checked.report)")
            XCTAssertTrue(checked.report.contains("0 fatals / 0 errors"), checked.report)
        }
    }
}
