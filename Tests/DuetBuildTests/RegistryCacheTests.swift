@testable import DuetBuild
import DuetModel
import Foundation
import XCTest

/// The build cache keeps the issue and author files as read (`SitePipeline.Registry`): a later
/// build must see exactly what reading them again would give, warnings included.
final class RegistryCacheTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("content") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"), to: content)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func build() -> BuildReport {
        Builder(options: BuildOptions(source: content.path, theme: SiteFixture.defaultTheme.path,
                                      output: root.appendingPathComponent("_site").path,
                                      now: Date(timeIntervalSince1970: 1_767_225_600),
                                      cacheDirectory: root.appendingPathComponent(".duet-cache").path)).build()
    }

    private func authorFile() throws -> URL {
        let folder = content.appendingPathComponent("authors")
        let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { $0.hasSuffix(".yml") })
        return folder.appendingPathComponent(name)
    }

    func testAnAuthorWarningIsGivenAgainByEveryCachedBuild() throws {
        let author = try authorFile()
        let text = try String(contentsOf: author, encoding: .utf8)
        let missing = text.replacing(/\nphoto:[^\n]*/, with: "\nphoto: /images/nobody-took-this.jpg")
        XCTAssertNotEqual(missing, text, "the fixture author has a photo to replace")
        try missing.write(to: author, atomically: false, encoding: .utf8)
        let warning = "photo '/images/nobody-took-this.jpg' does not exist"
        let first = build()
        XCTAssertTrue(first.succeeded, "\(first.diagnostics)")
        XCTAssertTrue(first.diagnostics.contains { $0.message.hasPrefix(warning) }, "\(first.diagnostics)")

        let post = content.appendingPathComponent("posts/en/2025-01-21-designing-the-small-table.md")
        try (try String(contentsOf: post, encoding: .utf8) + "\nOne more sentence.\n").write(to: post, atomically: false, encoding: .utf8)
        let second = build()
        XCTAssertNotNil(second.renderedPages, "the second build is incremental")
        XCTAssertEqual(second.diagnostics.filter { $0.message.hasPrefix(warning) },
                       first.diagnostics.filter { $0.message.hasPrefix(warning) }, "the same warning, at the same place")

        // Fixed in the file: the cached registry is not used for other bytes.
        try text.write(to: author, atomically: false, encoding: .utf8)
        let third = build()
        XCTAssertFalse(third.diagnostics.contains { $0.message.hasPrefix(warning) }, "\(third.diagnostics)")
    }

    func testACachedRegistryReadsBackAsItWasWritten() throws {
        let registry = SitePipeline.Registry(
            issues: [IssueRecord(id: "2025-q1", year: 2025, quarter: 1, volume: 3, number: 1, titles: ["en": "Winter", "zh": "冬季号"],
                                 cover: "/images/issues/2025-q1.svg",
                                 published: PublicationDate(year: 2025, month: 1, day: 15, hour: 9, minute: 30, second: 0, utcOffsetSeconds: 28_800),
                                 notesHTML: ["en": "<p>Note.</p>"], sourcePath: "content/issues/2025-q1.yml",
                                 coverLocation: SourceLocation(file: "content/issues/2025-q1.yml", line: 4, column: 8)),
                     IssueRecord(id: "2025-q2", year: 2025, quarter: 2, sourcePath: "content/issues/2025-q2.md")],
            authors: [Author(id: "wren", names: ["en": "Tobias Wren", "zh": "任托比"], familyNames: ["en": "Wren"],
                             affiliations: ["en": "Harbour Institute"], biosHTML: ["en": "<p>Writes.</p>"], photo: "/images/wren.jpg",
                             website: "https://example.org/wren", orcid: "0000-0002-1825-0097", sourcePath: "content/authors/wren.yml"),
                      Author(id: "plain", names: ["en": "Plain"])],
            diagnostics: [.warning("photo '/x.jpg' does not exist", at: SourceLocation(file: "content/authors/wren.yml", line: 3, column: 1))],
            key: 0xDEAD_BEEF_F00D)
        var writer = CacheWriter()
        writer.write(registry)
        var reader = CacheReader(writer.bytes)
        let read = try reader.readRegistry()
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(read.issues, registry.issues)
        XCTAssertEqual(read.authors, registry.authors)
        XCTAssertEqual(read.diagnostics, registry.diagnostics)
        XCTAssertEqual(read.key, registry.key)
        // A stored field added to either type must be written too (`RegistryCoding.swift`).
        XCTAssertEqual(Mirror(reflecting: registry.issues[0]).children.count, 11)
        XCTAssertEqual(Mirror(reflecting: registry.authors[0]).children.count, 9)
    }
}
