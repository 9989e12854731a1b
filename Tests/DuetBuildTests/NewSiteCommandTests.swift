import Foundation
import XCTest

/// `duet new site` as a new user runs it: a publication outside Duet's repository that builds
/// strictly and passes `duet check` at once, and refusals that write nothing.
final class NewSiteCommandTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        work = FileManager.default.temporaryDirectory.appendingPathComponent("duet-new-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: work)
    }

    func testNewSiteBuildsStrictlyAndChecksCleanInBothLanguages() throws {
        let made = try DuetExecutable.run(["new", "site", "harbor-review"], in: work)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("cd harbor-review"), made.stdout)
        let site = work.appendingPathComponent("harbor-review")
        let built = try DuetExecutable.run(["build", "--strict"], in: site)
        XCTAssertEqual(built.status, 0, built.stderr + built.stdout)
        XCTAssertEqual(built.stderr, "", "no warning at all")
        let checked = try DuetExecutable.run(["check"], in: site)
        XCTAssertEqual(checked.status, 0, checked.stderr + checked.stdout)
        XCTAssertTrue(checked.stdout.contains(": 0 errors, 0 warnings"), checked.stdout)

        let output = site.appendingPathComponent("_site")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        let english = try XCTUnwrap(pages.first { $0.hasPrefix("en/issues/") && $0.hasSuffix("how-this-review-is-made/index.html") })
        let chinese = try XCTUnwrap(pages.first { $0.hasPrefix("zh/issues/") && $0.hasSuffix("how-this-review-is-made/index.html") })
        let englishHTML = try String(contentsOf: output.appendingPathComponent(english), encoding: .utf8)
        XCTAssertTrue(englishHTML.contains("<h1>How This Review Is Made</h1>"), englishHTML)
        XCTAssertTrue(englishHTML.contains("Ada Linwood"))
        XCTAssertTrue(englishHTML.contains("hreflang=\"zh-Hans\""), "the two versions are paired")
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent(chinese), encoding: .utf8).contains("<h1>本刊是怎样编成的</h1>"))
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("en/index.html"), encoding: .utf8).contains("Harbor Review"))
    }

    func testChineseOnlySiteBuildsStrictly() throws {
        XCTAssertEqual(try DuetExecutable.run(["new", "site", "zh-only", "--languages", "zh"], in: work).status, 0)
        let built = try DuetExecutable.run(["build", "--strict"], in: work.appendingPathComponent("zh-only"))
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("zh-only/_site/zh/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("zh-only/_site/en").path))
    }

    func testTheWorkingFolderCanBeTheNewSite() throws {
        let here = work.appendingPathComponent("press")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        let made = try DuetExecutable.run(["new", "site", "."], in: here)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(try String(contentsOf: here.appendingPathComponent("content/site.yml"), encoding: .utf8).contains("en: \"Press\""))
        let built = try DuetExecutable.run(["build", "--strict"], in: here)
        XCTAssertEqual(built.status, 0, built.stderr)
    }

    func testRefusalsWriteNothing() throws {
        let taken = work.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("draft\n".utf8).write(to: taken.appendingPathComponent("mine.md"))
        let notEmpty = try DuetExecutable.run(["new", "site", "taken"], in: work)
        XCTAssertEqual(notEmpty.status, 1)
        XCTAssertEqual(notEmpty.stderr, "taken: error: the folder exists and is not empty; nothing was written (choose a new folder)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: taken.path), ["mine.md"])

        let language = try DuetExecutable.run(["new", "site", "fresh", "--languages", "en,fr"], in: work)
        XCTAssertEqual(language.status, 1)
        XCTAssertTrue(language.stderr.contains("error: unknown language code 'fr' (a new site can be written in: en, zh)"), language.stderr)

        try Data().write(to: work.appendingPathComponent("a-file"))
        let underFile = try DuetExecutable.run(["new", "site", "a-file/site"], in: work)
        XCTAssertEqual(underFile.status, 1)
        XCTAssertTrue(underFile.stderr.hasPrefix("a-file/site: error: cannot create the site here: "), underFile.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted(), ["a-file", "taken"])
    }
}
