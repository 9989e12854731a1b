import DuetBuild
import XCTest

/// The real post the project was created from must build unchanged. It is read from `../shared/seeds/`
/// (beside the repository, as on CI) rather than copied into the repository.
final class SeedPostTests: XCTestCase {
    func testSeedPostBuildsUnchanged() throws {
        let seed = SiteFixture.repositoryRoot.appendingPathComponent("../shared/seeds/000_40c81372912647a8.txt")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: seed.path), "the shared seeds are not beside the repository")
        // The site's default permalinks: articles live under their issue.
        let site = try SiteFixture(siteYAML: SiteFixture.issuePermalinkSiteYAML)
        defer { site.remove() }
        try site.write("posts/en/2025-01-15-us-china-coordination.md", try Data(contentsOf: seed))
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        // Its authors have no registry entries: each is a warning, and still gets a page.
        XCTAssertEqual(report.diagnostics.map(\.message).sorted(), ["Lily McElwee", "Ryan Hass", "Ryan McElveen"].map {
            "author '\($0)' is not in the registry (add content/authors/\($0.lowercased().replacing(" ", with: "-")).yml)"
        })
        XCTAssertTrue(site.exists("en/authors/lily-mcelwee/index.html"))

        // It lands in issue 2025-Q1, with "Ryan Hass, et al." as its byline on listings.
        let html = try site.page("en/issues/2025-q1/us-china-coordination/index.html")
        XCTAssertTrue(html.contains("<meta name=\"citation_author\" content=\"McElwee, Lily\">"))
        XCTAssertTrue(html.contains("<meta name=\"citation_issue\" content=\"1\">"))
        XCTAssertTrue(html.contains("<h1>U.S.-China Coordination</h1>"))
        XCTAssertTrue(html.contains(">15 January 2025</time>"))
        XCTAssertFalse(html.contains("excerpt/"))
        for author in ["Ryan Hass", "Ryan McElveen", "Lily McElwee"] {
            XCTAssertTrue(html.contains("<strong>\(author)</strong>"), "bio of \(author)")
        }
        XCTAssertTrue(html.contains("<h3 id=\"part-i-scoping-the-challenge\">Part I: Scoping the Challenge</h3>"))

        let issue = try site.page("en/issues/2025-q1/index.html")
        XCTAssertTrue(issue.contains("<a href=\"/en/authors/ryan-hass/\">Ryan Hass</a>, et al. · "), issue)
        let home = try site.page("en/index.html")
        XCTAssertTrue(home.contains("<div class=\"excerpt\"><p><em class=\"whole\">U.S.-China tensions are unlikely to subside soon."), home)
        XCTAssertFalse(home.contains("Frictions between the United States and China are intensifying"),
                       "the excerpt ends at the separator")
    }
}
