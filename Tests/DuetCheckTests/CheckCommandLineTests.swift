import Foundation
import XCTest

/// `duet check` and `duet list` through the real executable: exit codes, the compiler-style
/// diagnostics editors link, the summary line, and what scripts read from stdout.
final class CheckCommandLineTests: XCTestCase {
    private var theme: String { TempSite.defaultTheme.path }

    func testCheckExitsOneAndPointsAtTheMarkdownLine() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try SiteCheckTests.seededSite()
        defer { site.remove() }
        let result = try DuetExecutable.run(["check", "--theme", theme], in: site.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("""
            content/posts/en/2025-03-04-river-survey.md:8:27: error: broken link: /en/2025/survey-methods/ (no en/2025/survey-methods/index.html in the output)
                Read the [survey methods](/en/2025/survey-methods/) before the findings.
                                          ^

            """), result.stderr)
        XCTAssertTrue(result.stderr.contains("_site/en/index.html:"), result.stderr)
        XCTAssertEqual(result.stdout, "Checked \(site.htmlPageCount) pages: 4 errors, 1 warning\n")
    }

    /// In a GitHub workflow, `duet check` annotates the pull request's diff as `duet build` does.
    func testCheckPrintsWorkflowAnnotationsInGitHubActions() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try SiteCheckTests.seededSite()
        defer { site.remove() }
        let result = try DuetExecutable.run(["check", "--theme", theme], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains(
            "::error file=content/posts/en/2025-03-04-river-survey.md,line=8,col=27::broken link: /en/2025/survey-methods/"), result.stderr)
        let plain = try DuetExecutable.run(["check", "--theme", theme], in: site.root)
        XCTAssertFalse(plain.stderr.contains("::error"), plain.stderr)
    }

    func testCheckOfACleanSiteExitsZero() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try TempSite(files: ["posts/en/2025-03-04-calm-water.md": "---\ntitle: Calm Water\n---\n\nA quiet season.\n"])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let result = try DuetExecutable.run(["check", "--theme", theme, "--typography"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("Checked ") && result.stdout.hasSuffix(" pages: 0 errors, 0 warnings\n"), result.stdout)
    }

    func testCheckWithoutABuiltSiteSaysSo() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try TempSite(files: [:])
        defer { site.remove() }
        let result = try DuetExecutable.run(["check", "--output", "public"], in: site.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "public: error: output folder does not exist (run duet build first)\n")
        XCTAssertEqual(result.stdout, "Checked 0 pages: 1 error, 0 warnings\n")
    }

    func testListPrintsJSONAndCSV() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try TempSite(files: [
            "posts/en/2025-04-02-estuary.md": "---\ntitle: Estuary\ndate: 2025-04-02 08:15:00 +0800\n---\n\nSalt, silt and reeds.\n",
            "posts/en/2099-01-01-far-off.md": "---\ntitle: Far Off\n---\n\nNot yet.\n",
        ])
        defer { site.remove() }
        let json = try DuetExecutable.run(["list", "--format", "json"], in: site.root)
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["url"] as? String }, ["/en/2025/estuary/", "/en/2099/far-off/"])
        XCTAssertEqual(rows.map { $0["date"] as? String }, ["2025-04-02T08:15:00+08:00", "2099-01-01T00:00:00+08:00"])
        XCTAssertEqual(rows.map { $0["excerpt"] as? String }, ["Salt, silt and reeds.", "Not yet."])
        XCTAssertEqual(rows.map { $0["state"] as? String }, ["published", "future"])
        XCTAssertEqual(rows.map { $0["included"] as? Bool }, [true, false])

        let future = try DuetExecutable.run(["list", "--format", "json", "--future"], in: site.root)
        let included = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(future.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(included.map { $0["included"] as? Bool }, [true, true])

        let csv = try DuetExecutable.run(["list"], in: site.root)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").prefix(2), [
            "path,language,url,date,issue,authors,translation_key,excerpt,state,included",
            "content/posts/en/2025-04-02-estuary.md,en,/en/2025/estuary/,2025-04-02T08:15:00+08:00,2025-q2,,"
                + "2025-04-02-estuary,\"Salt, silt and reeds.\",published,true",
        ])
    }

    func testListReportsFilesItCannotReadAndExitsOne() throws {
        try XCTSkipUnless(DuetExecutable.isBuilt, "duet is not built")
        let site = try TempSite(files: ["posts/en/2025-04-02-broken.md": "---\ntitle: [a list]\n---\n\nText.\n",
                                        "posts/en/2025-04-03-fine.md": "---\ntitle: Fine\n---\n\nText.\n"])
        defer { site.remove() }
        let result = try DuetExecutable.run(["list"], in: site.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("content/posts/en/2025-04-02-broken.md:2:1: error: 'title' must be text, found a list\n"),
                      result.stderr)
        XCTAssertTrue(result.stdout.contains("content/posts/en/2025-04-03-fine.md,"), result.stdout)
    }
}
