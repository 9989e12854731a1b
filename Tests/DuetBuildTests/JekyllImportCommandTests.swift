import DuetBuild
import Foundation
import XCTest

/// `duet import jekyll` run as the real executable on `Tests/Fixtures/jekyll-site`, then built.
final class JekyllImportCommandTests: XCTestCase {
    private let jekyll = SiteFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/jekyll-site")

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duet-jekyll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func testImportedSiteBuildsWithExactlyThePredictedWarnings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DuetExecutable.run(["import", "jekyll", jekyll.path, "--source", "content"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = result.stdout
        for line in [
            "  - jekyll-polyglot languages: en, zh (default en)",
            "  - 4 posts (en 3, zh 1), Markdown unchanged",
            "  - 1 data files from _data/ into data/ (site.data)",
            "  - the site's own keys for {{ site.* }}: github_user, survey_sites",
            "  - plugins with no Duet equivalent: jekyll-gist",
            "  - languages zh-CN become zh (their URLs move from /zh-CN/ to /zh/); lang: keys are rewritten to match",
            "  - \(jekyll.path)/_posts/2020-02-14-gallery.md: layout 'gallery' has no Duet equivalent; the post uses Duet's own",
            "  - layouts (default, post): Duet's theme lays pages out; restyle in content/theme/ if needed",
        ] {
            XCTAssertTrue(report.contains(line + "\n"), "missing \(line) in:\n\(report)")
        }
        let predicted = report.components(separatedBy: "The build will warn about (errors with --strict):\n").last?
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("content/") } ?? []
        XCTAssertEqual(predicted.count, 2, report)
        XCTAssertFalse(report.contains("The build will stop at"), report)

        // The Markdown is carried byte for byte.
        let original = try Data(contentsOf: jekyll.appendingPathComponent("_posts/2018-05-02-first-survey.md"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("content/posts/en/2018-05-02-first-survey.md")), original)

        let theme = SiteFixture.defaultTheme.path
        let build = try DuetExecutable.run(["build", "--strict", "--theme", theme], in: folder)
        XCTAssertEqual(build.status, 1)
        let errors = build.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            .map { $0.replacingOccurrences(of: ": error: ", with: ": warning: ") }
        XCTAssertEqual(errors.sorted(), predicted.sorted(), build.stderr)

        XCTAssertEqual(try DuetExecutable.run(["build", "--theme", theme], in: folder).status, 0)
        let post = try String(contentsOf: folder.appendingPathComponent("_site/en/2018/first-survey/index.html"), encoding: .utf8)
        XCTAssertTrue(post.contains("<p>We reached North Spit before the tide turned.</p>"), post)
        XCTAssertTrue(post.contains("<pre><code class=\"language-python\">for reading in readings:"), post)
        XCTAssertTrue(post.contains("<p class=\"note\">Depths are in metres.</p>"), post)
        XCTAssertTrue(post.contains("<a href=\"/notes/en/2019/winter-return/\">the winter note</a>"), post)
        XCTAssertTrue(post.contains("Wen Qiuyue"), "the author from _data/authors.yml")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site/zh/about/index.html").path))
        let about = try String(contentsOf: folder.appendingPathComponent("_site/en/about/index.html"), encoding: .utf8)
        XCTAssertTrue(about.contains("Stations: North Spit, Heron Flats."), "_data/ carried into data/")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site/assets/img/flats.svg").path))
    }

    func testRefusesToOverwriteAndLeavesNothingOnBadInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("content/site.yml"))
        let again = try DuetExecutable.run(["import", "jekyll", jekyll.path], in: folder)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("content: error: the folder already has files; duet import jekyll never overwrites"), again.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8), "keep me")

        let notJekyll = folder.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: notJekyll, withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: notJekyll.appendingPathComponent("notes.txt"))
        let plain = try DuetExecutable.run(["import", "jekyll", "plain", "--source", "out"], in: folder)
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.stderr.contains("plain: error: this is not a Jekyll site (no _config.yml and no _posts/ folder); nothing was written"), plain.stderr)

        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("_posts"), withIntermediateDirectories: true)
        try Data("title: Fine\nurl: [unclosed\n".utf8).write(to: broken.appendingPathComponent("_config.yml"))
        let bad = try DuetExecutable.run(["import", "jekyll", "broken", "--source", "out"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("broken/_config.yml:2:"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written")
    }
}
