import DuetBuild
import XCTest

/// The real post the project was created from must build unchanged. It is read from `../shared/seeds/`
/// (beside the repository, as on CI) rather than copied into the repository.
final class SeedPostTests: XCTestCase {
    func testSeedPostBuildsUnchanged() throws {
        let seed = SiteFixture.repositoryRoot.appendingPathComponent("../shared/seeds/000_40c81372912647a8.txt")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: seed.path), "the shared seeds are not beside the repository")
        let site = try SiteFixture()
        defer { site.remove() }
        try site.write("posts/en/2025-01-15-us-china-coordination.md", try Data(contentsOf: seed))
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))

        let html = try site.page("en/2025/us-china-coordination/index.html")
        XCTAssertTrue(html.contains("<h1>U.S.-China Coordination</h1>"))
        XCTAssertTrue(html.contains(">15 January 2025</time>"))
        XCTAssertFalse(html.contains("excerpt/"))
        for author in ["Ryan Hass", "Ryan McElveen", "Lily McElwee"] {
            XCTAssertTrue(html.contains("<strong>\(author)</strong>"), "bio of \(author)")
        }
        XCTAssertTrue(html.contains("<h3 id=\"part-i-scoping-the-challenge\">Part I: Scoping the Challenge</h3>"))

        let home = try site.page("en/index.html")
        XCTAssertTrue(home.contains("<div class=\"excerpt\"><p><em>U.S.-China tensions are unlikely to subside soon."), home)
        XCTAssertFalse(home.contains("Frictions between the United States and China are intensifying"),
                       "the excerpt ends at the separator")
    }
}
