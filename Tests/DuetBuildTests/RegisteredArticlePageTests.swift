import DuetBuild
import DuetModel
import Foundation
import XCTest

/// What readers and indexers see of a registered article: its DOI as a link, the licence in the
/// footer and the head, Google Scholar's tags, JSON-LD, the cite block and the feeds.
final class RegisteredArticlePageTests: XCTestCase {
    nonisolated(unsafe) static var site: SiteFixture?
    nonisolated(unsafe) static var report: BuildReport?

    override class func setUp() {
        guard let site = try? RegisteredJournal.make() else { return }
        Self.site = site
        Self.report = site.build(strict: true)
    }

    override class func tearDown() { site?.remove() }

    private func file(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let report = try XCTUnwrap(Self.report, file: file, line: line)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return try XCTUnwrap(Self.site, file: file, line: line).page(path)
    }

    private func meta(_ name: String, in html: String) -> [String] {
        html.matches(of: /<meta name="([^"]+)" content="([^"]*)">/).filter { $0.output.1 == name }.map { String($0.output.2) }
    }

    private let enPage = "en/issues/2025-q1/quiet-hotlines/index.html"
    private let zhPage = "zh/issues/2025-q1/quiet-hotlines/index.html"

    func testTheDOIIsALinkOnTheArticlePage() throws {
        let html = try file(enPage)
        XCTAssertTrue(html.contains(#"<p class="doi">DOI <a href="https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.en">"#
            + "https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.en</a></p>"), html)
        XCTAssertTrue(try file(zhPage).contains("https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.zh"))
        XCTAssertTrue(try file("en/issues/2025-q1/fisheries-workshop/index.html").contains(#"<a href="https://doi.org/10.5555/legacy.fisheries">"#))
    }

    func testTheLicenceIsInTheFooterAndTheHead() throws {
        let html = try file(enPage)
        XCTAssertTrue(html.contains(#"<footer class="license"><p>Licence: <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">"#
            + "Creative Commons Attribution 4.0 International</a></p></footer>"), html)
        XCTAssertTrue(html.contains(#"<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">"#))
        XCTAssertEqual(meta("dc.rights", in: html), ["https://creativecommons.org/licenses/by/4.0/"])
        XCTAssertTrue(try file(zhPage).contains(#"许可协议：<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">知识共享署名 4.0 国际许可协议</a>"#))
        // The front matter's licence replaces the site's.
        let fisheries = try file("en/issues/2025-q1/fisheries-workshop/index.html")
        XCTAssertEqual(meta("dc.rights", in: fisheries), ["https://creativecommons.org/publicdomain/zero/1.0/"])
    }

    func testScholarTagsInEachVersionsOwnLanguageWithOneJournalTitle() throws {
        let english = try file(enPage), chinese = try file(zhPage)
        XCTAssertEqual(meta("citation_doi", in: english), ["10.5555/duet.2025-q1.quiet-hotlines.en"])
        XCTAssertEqual(meta("citation_doi", in: chinese), ["10.5555/duet.2025-q1.quiet-hotlines.zh"])
        XCTAssertEqual(meta("citation_journal_title", in: english), ["Test Review"])
        XCTAssertEqual(meta("citation_journal_title", in: chinese), ["Test Review"])
        XCTAssertEqual(meta("citation_issn", in: english), ["2999-0017", "0317-8471"])
        XCTAssertEqual(meta("citation_publisher", in: chinese), ["Harbor &lt;Pacific&gt; Institute"])
        XCTAssertEqual(meta("citation_keywords", in: english), ["hotlines; crisis communication"])
        XCTAssertEqual(meta("citation_keywords", in: chinese), ["热线"])
        XCTAssertEqual(meta("citation_language", in: chinese), ["zh"])
        XCTAssertEqual(meta("citation_abstract_html_url", in: english), ["https://journal.example.org/en/issues/2025-q1/quiet-hotlines/"])
        XCTAssertEqual(meta("citation_author_orcid", in: english), ["https://orcid.org/0000-0002-1825-0097"])
        // Each ORCID follows its own author's tag.
        XCTAssertTrue(english.contains(#"<meta name="citation_author" content="Lin Yawei">"# + "\n"
            + #"<meta name="citation_author_institution" content="Jinling School of Diplomacy &amp; Law">"# + "\n"
            + #"<meta name="citation_author_orcid" content="https://orcid.org/0000-0002-1825-0097">"#), english)
    }

    func testJSONLDCarriesTheDOIAndTheLicence() throws {
        let html = try file(enPage)
        let script = try XCTUnwrap(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.output.1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        let identifier = try XCTUnwrap(object["identifier"] as? [String: String])
        XCTAssertEqual(identifier, ["@type": "PropertyValue", "propertyID": "DOI", "value": "10.5555/duet.2025-q1.quiet-hotlines.en"])
        XCTAssertEqual(object["sameAs"] as? String, "https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.en")
        XCTAssertEqual(object["license"] as? String, "https://creativecommons.org/licenses/by/4.0/")
    }

    func testCiteBlocksGiveTheDOI() throws {
        XCTAssertTrue(try file(enPage).contains("(2025). https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.en.</p>"))
        let chinese = try file(zhPage)
        XCTAssertTrue(chinese.contains("https://journal.example.org/zh/issues/2025-q1/quiet-hotlines/. DOI:10.5555/duet.2025-q1.quiet-hotlines.zh.</p>"),
                      chinese)
        XCTAssertTrue(chinese.contains("  doi = {10.5555/duet.2025-q1.quiet-hotlines.zh},"))
    }

    func testFeedsCarryTheDOIAndTheRights() throws {
        let feed = try file("en/feed.xml")
        XCTAssertTrue(feed.contains(#"<link rel="related" type="text/html" title="DOI 10.5555/duet.2025-q1.quiet-hotlines.en" "#
            + #"href="https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.en"/>"#), feed)
        XCTAssertTrue(feed.contains("<rights>Creative Commons Attribution 4.0 International</rights>"))
        XCTAssertTrue(feed.contains("<rights>CC0 1.0 Universal Public Domain Dedication</rights>"))
        XCTAssertTrue(try file("zh/feed.xml").contains("<rights>知识共享署名 4.0 国际许可协议</rights>"))
        XCTAssertTrue(try file("feed.xml").contains("https://doi.org/10.5555/duet.2025-q1.quiet-hotlines.zh"))
    }

    func testWithoutRegistrationNothingIsAdded() throws {
        let site = try SiteFixture(files: RegisteredJournal.files.filter { !$0.value.contains("doi:") },
                                   siteYAML: SiteFixture.issuePermalinkSiteYAML)
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        let html = try site.page(enPage)
        for absent in ["doi.org", "citation_doi", "rel=\"license\"", "dc.rights", "citation_issn", "class=\"license\""] {
            XCTAssertFalse(html.contains(absent), absent)
        }
        XCTAssertFalse(try site.page("en/feed.xml").contains("<rights>"))
        XCTAssertFalse(site.exists("crossref"))
    }
}
