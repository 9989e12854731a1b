import DuetBuild
import XCTest

/// A build that fails must leave the previous `_site/` byte for byte, and leave no stray folders.
final class AtomicOutputTests: XCTestCase {
    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        XCTAssertFalse(before.isEmpty)

        try site.write("posts/en/2025-03-01-broken.md", "---\ntitle: [unclosed\n---\nBody\n")
        try site.write("posts/en/2025-03-02-also-new.md", "---\ntitle: Would be new\n---\nBody\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(site.snapshot(), before)
        XCTAssertFalse(site.exists("en/2025/also-new/index.html"))
        XCTAssertTrue(report.summary.hasPrefix("Build failed: 1 error"), report.summary)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("duet-") }
        XCTAssertEqual(leftovers, [])
    }

    func testSuccessfulRebuildReplacesTheOutputWhole() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("pages/en/about.md"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(site.exists("en/about/index.html"), "a page whose source is gone is gone from the output")
        XCTAssertTrue(site.exists("en/2025/harbor-talks/index.html"))
    }

    func testOutputInsideTheContentFolderIsRefused() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        var options = site.options()
        options.output = site.content.path
        let report = Builder(options: options).build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("site.yml").path),
                      "the content folder must never be swapped away")
    }
}
