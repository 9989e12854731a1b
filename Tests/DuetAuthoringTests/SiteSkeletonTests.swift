import DuetAuthoring
import DuetSource
import Foundation
import XCTest

/// The files `duet new site` writes, before any of them reaches the disk.
final class SiteSkeletonTests: XCTestCase {
    // 2026-03-31 18:00 UTC is already 1 April, the second quarter, in Shanghai.
    private let now = Date(timeIntervalSince1970: 1_774_980_000)

    private func skeleton(_ languages: [String]) throws -> SiteSkeleton {
        try SiteSkeleton(languages: languages, folderName: "harbor-review", now: now, duetVersion: "0.4.1")
    }

    func testBilingualSiteHasEveryKindOfFileDatedInTheSiteZone() throws {
        let files = Dictionary(uniqueKeysWithValues: try skeleton(["en", "zh"]).files.map { ($0.path, $0.text) })
        XCTAssertEqual(files.keys.sorted(), [
            ".github/workflows/publish.yml", ".gitignore",
            "content/authors/ada-linwood.yml", "content/issues/2026-q2.yml",
            "content/pages/en/about.md", "content/pages/zh/about.md",
            "content/posts/en/2026-04-01-how-this-review-is-made.md", "content/posts/zh/2026-04-01-how-this-review-is-made.md",
            "content/site.yml", "content/static/images/issues/2026-q2.svg",
        ])
        XCTAssertEqual(files[".gitignore"], "_site/\n.duet-cache/\n")
        let config = try SiteConfigLoader.load(Data(try XCTUnwrap(files["content/site.yml"]).utf8), path: "site.yml")
        XCTAssertEqual(config.languages.map(\.code), ["en", "zh"])
        XCTAssertEqual(config.titles, ["en": "Harbor Review", "zh": "Harbor Review"])
        XCTAssertEqual(config.timeZone, "Asia/Shanghai")
        XCTAssertEqual(config.firstYear, 2026)
        let english = try XCTUnwrap(files["content/posts/en/2026-04-01-how-this-review-is-made.md"])
        XCTAssertTrue(english.hasPrefix("---\nlayout: post\ntitle : How This Review Is Made\nauthor: Ada Linwood\n"), english)
        XCTAssertTrue(english.contains("\ndate  : 2026-04-01 02:00:00 +0800\n"), english)
        XCTAssertTrue(english.contains("\n#image_caption: \"\"\n") && english.contains("\n<excerpt/>\n"))
        XCTAssertTrue(try XCTUnwrap(files["content/posts/zh/2026-04-01-how-this-review-is-made.md"]).contains("author: 艾达·林伍德\n"))
    }

    func testEveryKeyOfSiteYAMLIsExplained() throws {
        let text = try XCTUnwrap(try skeleton(["zh"]).files.first { $0.path == "content/site.yml" }?.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.first?.isLetter == true {
            XCTAssertTrue(index > 0 && lines[index - 1].hasPrefix("#"), "key without a comment above it: \(line)")
        }
        XCTAssertTrue(text.contains("\n#theme: themes/mine\n"), "the one key left out is shown commented")
    }

    func testSingleLanguageSiteWritesOnlyThatLanguage() throws {
        let site = try skeleton(["zh"])
        XCTAssertFalse(site.files.contains { $0.path.contains("/en/") })
        let about = try XCTUnwrap(site.files.first { $0.path == "content/pages/zh/about.md" }?.text)
        XCTAssertFalse(about.contains("英文"), "a Chinese-only review does not claim an English edition: \(about)")
        XCTAssertEqual(try skeleton(["en"]).files.first { $0.path == "content/site.yml" }?.text.contains("timezone: UTC\n"), true)
    }

    func testUnknownRepeatedOrMissingLanguagesAreRefused() {
        XCTAssertThrowsError(try skeleton(["en", "fr"])) { error in
            XCTAssertEqual(error as? SiteSkeleton.Problem, .unknownLanguage("fr"))
            XCTAssertEqual("\(error)", "unknown language code 'fr' (a new site can be written in: en, zh)")
        }
        XCTAssertThrowsError(try skeleton(["zh", "zh"])) { XCTAssertEqual($0 as? SiteSkeleton.Problem, .repeatedLanguage("zh")) }
        XCTAssertThrowsError(try skeleton([])) { XCTAssertEqual($0 as? SiteSkeleton.Problem, .noLanguage) }
    }

    func testWorkflowInstallsThePinnedReleaseOrTheConfiguredPackage() throws {
        let text = try XCTUnwrap(try skeleton(["en", "zh"]).files.first { $0.path == ".github/workflows/publish.yml" }?.text)
        let yaml = try YAMLFile.parse(Data(text.utf8), path: "publish.yml")
        XCTAssertEqual(yaml.entry("name")?.value.scalarText, "Publish")
        XCTAssertNotNil(yaml.entry("jobs"))
        XCTAssertTrue(text.contains("DUET_TAG: v0.4.1\n"), text)
        XCTAssertTrue(text.contains("apt-get install -y -qq /tmp/duet.deb"))
        XCTAssertTrue(text.contains("duet build --strict") && text.contains("run: duet check"))
        XCTAssertTrue(text.contains("uses: actions/deploy-pages@v4"))
    }

    func testWritingRefusesANonEmptyFolderAndLeavesNothingBehind() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skeleton-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try skeleton(["en"]).write(to: target, display: "site")) { error in
            XCTAssertEqual(error as? SiteSkeleton.WriteError, .notEmpty(path: "site"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["site"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["notes.txt"])

        let file = root.appendingPathComponent("plain-file")
        try Data().write(to: file)
        XCTAssertThrowsError(try skeleton(["en"]).write(to: file.appendingPathComponent("site"))) { error in
            guard case .cannotWrite(_, let reason)? = error as? SiteSkeleton.WriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "\(file.path) is a file, not a folder")
        }

        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try skeleton(["en"]).write(to: empty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: empty.appendingPathComponent("content/site.yml").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["empty", "plain-file", "site"],
                       "no staging folder is left beside it")
    }
}
