import DuetBuild
import DuetEmbedded
import Foundation
import XCTest

/// The default theme compiled into `duet`: the same files as `themes/default/`, the same site
/// either way, chosen when no theme is named, and refused with a located error when `site.yml`
/// names a theme folder that cannot be used.
final class BuiltinThemeTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
    }

    private func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) ?? .init()
        where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    func testCompiledThemeIsTheRepositoryFolder() throws {
        let embedded = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.map { ($0.path, $0.contents) })
        XCTAssertEqual(embedded, try files(under: SiteFixture.defaultTheme),
                       "the built-in theme is stale: rebuild (the EmbedDefaultTheme plugin regenerates it)")
    }

    func testSampleBuildsByteForByteTheSameWithTheBuiltinTheme() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("duet-builtin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let root = SiteFixture.repositoryRoot
        let content = root.appendingPathComponent("content").path
        // A fixed "now", so both builds agree on which posts are published.
        let environment = ["SOURCE_DATE_EPOCH": "1764547200"]
        let builtin = try DuetExecutable.run(["build", "--strict", "--source", content, "--output", work.appendingPathComponent("a/_site").path],
                                             in: root, environment: environment)
        XCTAssertEqual(builtin.status, 0, builtin.stderr)
        let folder = try DuetExecutable.run(["build", "--strict", "--source", content, "--theme", "themes/default",
                                             "--output", work.appendingPathComponent("b/_site").path], in: root, environment: environment)
        XCTAssertEqual(folder.status, 0, folder.stderr)
        let a = try files(under: work.appendingPathComponent("a/_site"))
        let b = try files(under: work.appendingPathComponent("b/_site"))
        XCTAssertGreaterThan(a.count, 50)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, data) in a where b[path] != data { XCTFail("\(path) differs between the built-in theme and themes/default") }
        // The built-in copy is kept in the cache folder and reused, not left in the temporary folder.
        XCTAssertEqual(try files(under: work.appendingPathComponent("a/.duet-cache/theme-default")).count, BuiltinTheme.files.count)
    }

    func testSiteOverridesStillApplyOverTheBuiltinTheme() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-talks.md": "---\ntitle: Talks\ndate: 2025-03-01\n---\nBody.\n",
            "theme/partials/byline.mustache": "<p class=\"custom-byline\">{{date}}</p>\n",
        ])
        defer { site.remove() }
        func temporaryCopies() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                .count { $0.hasPrefix("duet-theme-") }
        }
        let before = try temporaryCopies()
        let result = try DuetExecutable.run(["build", "--no-cache"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try site.page("en/2025/talks/index.html").contains("<p class=\"custom-byline\">1 March 2025</p>"))
        XCTAssertEqual(try temporaryCopies(), before, "the temporary copy of a --no-cache build is removed")
    }

    func testThemeNamedInSiteYAMLIsUsedRelativeToThePublication() throws {
        let site = try SiteFixture(files: ["posts/en/2025-03-01-talks.md": "---\ntitle: Talks\ndate: 2025-03-01\n---\nBody.\n"],
                                   siteYAML: SiteFixture.bilingualSiteYAML + "\ntheme: themes/mine\n")
        defer { site.remove() }
        let export = try DuetExecutable.run(["theme", "export", "themes/mine"], in: site.root)
        XCTAssertEqual(export.status, 0, export.stderr)
        try Data("<p class=\"mine\">{{date}}</p>\n".utf8)
            .write(to: site.root.appendingPathComponent("themes/mine/partials/byline.mustache"))
        // Run from elsewhere: the path in site.yml still means the publication's themes/mine.
        let result = try DuetExecutable.run(["build", "--source", site.content.path, "--output", site.output.path],
                                            in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try site.page("en/2025/talks/index.html").contains("<p class=\"mine\">1 March 2025</p>"))

        let again = try DuetExecutable.run(["theme", "export", "themes/mine"], in: site.root)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("themes/mine: error: "), again.stderr)
        XCTAssertTrue(again.stderr.contains("already exists and is not empty"), again.stderr)
    }

    func testUnusableThemeInSiteYAMLIsRefusedAtItsLineAndNothingIsWritten() throws {
        let yaml = SiteFixture.bilingualSiteYAML + "\ntheme: themes/missing\n"
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let site = try SiteFixture(files: ["posts/en/2025-03-01-talks.md": "---\ntitle: Talks\ndate: 2025-03-01\n---\nBody.\n"],
                                   siteYAML: yaml)
        defer { site.remove() }
        let missing = try DuetExecutable.run(["build"], in: site.root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("content/site.yml:\(line):"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("error: theme: themes/missing: theme folder does not exist"), missing.stderr)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes/missing/partials"),
                                                withIntermediateDirectories: true)
        let empty = try DuetExecutable.run(["build"], in: site.root)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("error: theme: themes/missing: the theme has no layouts"), empty.stderr)
        XCTAssertFalse(site.exists("index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".duet-cache").path))
    }

    func testVersionNamesTheReleaseAndTheCommit() throws {
        let result = try DuetExecutable.run(["--version"], in: SiteFixture.repositoryRoot)
        XCTAssertEqual(result.status, 0)
        let number = try String(contentsOf: SiteFixture.repositoryRoot.appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(result.stdout, "\(DuetVersion.description)\n")
        XCTAssertTrue(result.stdout.hasPrefix("\(number) ("), result.stdout)
        XCTAssertNotNil(result.stdout.firstMatch(of: /^\d+\.\d+\.\d+ \(([0-9a-f]{12}|unknown)\)\n$/), result.stdout)
    }
}
