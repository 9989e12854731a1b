import Foundation
import XCTest

/// The real `duet build` in a pipe (as in CI): plain text, workflow commands on GitHub Actions,
/// `--quiet` and `--verbose`, and the summary line always last on stdout.
final class OutputModesTests: XCTestCase {
    private func site() throws -> SiteFixture {
        try SiteFixture(files: [
            "posts/en/2025-01-01-gallery.md": "---\ntitle: Gallery, Closed\n---\nThe east wing is shut for repairs.\n\n![](/images/wing.jpg)\n",
            "posts/en/2025-01-02-broken.md": "---\ntitle: [unclosed\n---\nBody.\n",
        ])
    }

    private func build(_ site: SiteFixture, _ flags: [String] = [], environment: [String: String] = [:]) throws -> DuetExecutable.Result {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        return try DuetExecutable.run(["build", "--theme", SiteFixture.defaultTheme.path] + flags, in: site.root,
                                      environment: ["GITHUB_ACTIONS": "", "NO_COLOR": ""].merging(environment) { $1 })
    }

    func testGitHubActionsGetsAnnotationsAndNoEscapeSequences() throws {
        let site = try site()
        defer { site.remove() }
        let result = try build(site, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=content/posts/en/2025-01-02-broken.md,line=2,col=8::"
                                                    + "invalid YAML in front matter: did not find expected ',' or ']'") }, result.stderr)
        XCTAssertTrue(lines.contains("::warning file=content/posts/en/2025-01-01-gallery.md,line=6,col=1::"
                                     + "image without alt text: describe it for readers who cannot see it"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), "no ANSI sequences in a pipe")
        XCTAssertFalse(result.stderr.contains("\r"), "no progress line in a pipe")
        XCTAssertTrue(result.stdout.hasPrefix("Build failed: 1 error, 1 warning"), result.stdout)
    }

    func testOutsideGitHubActionsThereAreNoWorkflowCommands() throws {
        let site = try site()
        defer { site.remove() }
        let result = try build(site)
        XCTAssertFalse(result.stderr.contains("::error"), result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("content/posts/en/2025-01-01-gallery.md:6:1: warning: image without alt text"), result.stderr)
    }

    func testQuietPrintsErrorsAndTheSummaryOnly() throws {
        let site = try site()
        defer { site.remove() }
        let result = try build(site, ["--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.contains("warning"), result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("content/posts/en/2025-01-02-broken.md:2:8: error: invalid YAML"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Build failed: 1 error, 1 warning"), "the summary still counts the warning")
    }

    func testVerbosePrintsPhasesAndCounts() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let result = try build(site, ["--verbose"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\nphases: load "), result.stderr)
        XCTAssertTrue(result.stderr.contains(", write "), result.stderr)
        XCTAssertTrue(result.stderr.contains("\ncounts: 6 source documents, 4 articles, 2 pages, "), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Built 32 pages"), result.stdout)
    }

    func testQuietAndVerboseTogetherAreRefused() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let result = try build(site, ["--quiet", "--verbose"])
        XCTAssertEqual(result.status, 64, "ArgumentParser's usage error")
        XCTAssertTrue(result.stderr.contains("--quiet and --verbose cannot be used together"), result.stderr)
    }
}
