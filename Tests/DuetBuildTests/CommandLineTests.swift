import Foundation
import XCTest

/// Runs the real `duet` executable: exit codes, the diagnostic format CI links, the summary line.
final class CommandLineTests: XCTestCase {
    private var executable: URL { DuetExecutable.url }

    private func run(_ arguments: [String], in folder: URL) throws -> DuetExecutable.Result {
        try DuetExecutable.run(arguments, in: folder)
    }

    func testGoodSiteExitsZeroWithSummary() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let result = try run(["build", "--theme", SiteFixture.defaultTheme.path], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Built 32 pages (en 16, zh 14, 2 shared) in "), result.stdout)
        XCTAssertTrue(site.exists("en/index.html"))
    }

    func testBadInputExitsOneWithCompilerStyleDiagnostics() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try SiteFixture(files: ["posts/zh/2025-01-01-bad.md": "---\n标题: 测试\ntitle: [列表]\n---\n正文\n"])
        defer { site.remove() }
        let result = try run(["build", "--theme", SiteFixture.defaultTheme.path], in: site.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("content/posts/zh/2025-01-01-bad.md:3:1: error: 'title' must be text, found a list\n"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("    title: [列表]\n    ^\n"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Build failed: 1 error"), result.stdout)
        XCTAssertFalse(site.exists("index.html"))
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try SiteFixture(files: ["posts/en/2025-01-01-empty.md": "---\ntitle: Empty\n---\n"])
        defer { site.remove() }
        XCTAssertEqual(try run(["build", "--theme", SiteFixture.defaultTheme.path], in: site.root).status, 0)
        let strict = try run(["build", "--strict", "--theme", SiteFixture.defaultTheme.path], in: site.root)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("2025-01-01-empty.md:1:1: error: document has front matter but no content"))
    }
}
