import DuetBuild
import DuetModel
import XCTest

/// Bad input end to end: each mistake gives one diagnostic with file and line:col, all of them in
/// one run, and nothing is written.
final class BadInputBuildTests: XCTestCase {
    private func diagnostics(_ files: [String: String], strict: Bool = false) throws -> (BuildReport, SiteFixture) {
        let site = try SiteFixture(files: files)
        let report = site.build(strict: strict)
        return (report, site)
    }

    private func descriptions(_ report: BuildReport) -> [String] { report.diagnostics.map(\.description) }

    func testPermalinkEscapingTheOutputFolderIsAnErrorAtItsLine() throws {
        let (report, site) = try diagnostics([
            "posts/en/2025-01-01-escape.md": "---\ntitle: Escape\npermalink: /../../etc/escape/\n---\nBody\n",
        ])
        defer { site.remove() }
        XCTAssertFalse(report.succeeded)
        let path = site.content.appendingPathComponent("posts/en/2025-01-01-escape.md").path
        XCTAssertEqual(descriptions(report),
                       ["\(path):3:1: error: permalink '/../../etc/escape/' escapes the output folder ('.' and '..' segments are not allowed)"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testTwoPostsWithOneURLNameBothFiles() throws {
        let (report, site) = try diagnostics([
            "posts/en/2025-01-01-first.md": "---\ntitle: First\npermalink: /en/same/\n---\nOne\n",
            "posts/en/2025-01-02-second.md": "---\ntitle: Second\npermalink: /en/same/\n---\nTwo\n",
        ])
        defer { site.remove() }
        XCTAssertFalse(report.succeeded)
        let message = try XCTUnwrap(descriptions(report).first)
        XCTAssertTrue(message.contains("URL /en/same/ is produced twice"), message)
        XCTAssertTrue(message.contains("2025-01-01-first.md") && message.contains("2025-01-02-second.md"), message)
    }

    func testEveryMistakeIsReportedInOneRun() throws {
        let (report, site) = try diagnostics([
            "posts/en/2025-01-01-a.md": "---\ntitle: A\n",
            "posts/en/2025-01-02-b.md": "---\ntitle: [B, C]\n---\nBody\n",
            "posts/en/2025-01-03-c.md": "---\ntitle: C\ndate: 2025-02-30\n---\nBody\n",
            "posts/en/2025-01-04-d.md": "",
            "posts/en/2025-01-05-e.md": "---\ntitle: E\nlayout: gallery\n---\nBody\n",
        ])
        defer { site.remove() }
        let messages = descriptions(report)
        XCTAssertEqual(messages.count, 5, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasSuffix("2025-01-01-a.md:1:1: error: front matter is not terminated: the opening '---' has no closing '---' line"), messages[0])
        XCTAssertTrue(messages[1].hasSuffix("2025-01-02-b.md:2:1: error: 'title' must be text, found a list"), messages[1])
        XCTAssertTrue(messages[2].contains("2025-01-03-c.md:3:1: error: invalid date '2025-02-30'"), messages[2])
        XCTAssertTrue(messages[3].hasSuffix("2025-01-04-d.md:1:1: error: file is empty"), messages[3])
        XCTAssertTrue(messages[4].contains("2025-01-05-e.md:3:1: warning: unknown layout 'gallery'"), messages[4])
    }

    func testUnreadableFileIsReported() throws {
        let site = try SiteFixture(files: ["posts/en/2025-01-01-ok.md": "---\ntitle: OK\n---\nBody\n"])
        defer { site.remove() }
        let link = site.content.appendingPathComponent("posts/en/2025-01-02-dangling.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/duet/target.md")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let message = try XCTUnwrap(descriptions(report).first)
        XCTAssertTrue(message.hasPrefix("\(link.path): error: cannot read file"), message)
    }

    func testInvalidUTF8IsReportedAtItsLine() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.write("posts/en/2025-01-01-bytes.md", Data("---\ntitle: Bytes\n---\nok\nbad \u{0}".utf8).dropLast() + Data([0xFF, 0x0A]))
        let report = site.build()
        let message = try XCTUnwrap(descriptions(report).first)
        XCTAssertTrue(message.hasSuffix("2025-01-01-bytes.md:5:5: error: file is not valid UTF-8 (save it as UTF-8)"), message)
    }

    func testFrontMatterOnlyIsAWarningAndStrictMakesItAnError() throws {
        let files = ["posts/en/2025-01-01-empty-body.md": "---\ntitle: Nothing Yet\n---\n"]
        let (report, site) = try diagnostics(files)
        defer { site.remove() }
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.severity), [.warning])
        let (strict, strictSite) = try diagnostics(files, strict: true)
        defer { strictSite.remove() }
        XCTAssertFalse(strict.succeeded)
        XCTAssertTrue(descriptions(strict)[0].hasSuffix("2025-01-01-empty-body.md:1:1: error: document has front matter but no content"))
    }

    func testDraftsFutureAndUnpublishedPosts() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-01-01-draft.md": "---\ntitle: Draft\ndraft: true\n---\nBody\n",
            "posts/en/2030-01-01-future.md": "---\ntitle: Future\n---\nBody\n",
            "posts/en/2025-01-01-hidden.md": "---\ntitle: Hidden\npublished: false\n---\nBody\n",
        ])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(site.exists("en/2025/draft/index.html"))
        XCTAssertFalse(site.exists("en/2030/future/index.html"))
        XCTAssertTrue(site.build(drafts: true, future: true).succeeded)
        XCTAssertTrue(site.exists("en/2025/draft/index.html"))
        XCTAssertTrue(site.exists("en/2030/future/index.html"))
        XCTAssertFalse(site.exists("en/2025/hidden/index.html"), "published: false is never built")
    }
}
