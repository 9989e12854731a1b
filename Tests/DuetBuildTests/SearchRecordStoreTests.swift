@testable import DuetBuild
import DuetRender
import Foundation
import XCTest

/// The CLI keeps each article's search record beside its build cache, so that an edit tokenizes
/// one body instead of every one. What a reader notices is only the index: after an edit it finds
/// the new words and not the removed ones, and a damaged or foreign store changes nothing.
final class SearchRecordStoreTests: XCTestCase {
    static let files: [String: String] = [
        "posts/en/2025-04-02-harbour-lights.md": """
            ---
            title: Harbour Lights
            author: Mara Quill
            ---
            A short walk along the breakwater at dusk.

            The old lighthouse keeper still climbs the stairs each evening, although the lamp has run on a timer for years.
            """,
        "posts/en/2025-05-14-orchard-ledger.md": """
            ---
            title: The Orchard Ledger
            author: Ivo Brandt
            ---
            What a family notebook says about apple prices.

            Every autumn the ledger records the weight of the harvest and the price the cooperative paid for cider apples.
            """,
        "posts/zh/2025-04-02-harbour-lights.md": """
            ---
            title: 港口的灯
            author: 麦拉
            ---
            黄昏时沿着防波堤散步。

            老守塔人每天傍晚仍然爬上楼梯，尽管灯塔早已改用定时器。
            """,
    ]

    private var site: SiteFixture!
    private var cache: URL { site.root.appendingPathComponent(".duet-cache") }

    override func setUpWithError() throws {
        site = try SiteFixture(files: Self.files)
    }

    override func tearDown() {
        site.remove()
    }

    private func build(cached: Bool = true, output: URL? = nil) throws -> BuildReport {
        var options = site.options()
        if cached { options.cacheDirectory = cache.path }
        if let output { options.output = output.path }
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        return report
    }

    private func search(_ query: String, language: String = "en") throws -> [String] {
        try SearchQuery.urls(matching: query, in: site.output.appendingPathComponent("\(language)/search.json"))
    }

    private func storeFile() throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        let name = try XCTUnwrap(names.first { $0.hasSuffix(".cache.search") }, "the store is written beside the cache: \(names)")
        return cache.appendingPathComponent(name)
    }

    /// Both indexes as a build from nothing (no cache, no store) makes them.
    private func assertIndexesAsAFullBuildMakesThem(file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = site.root.appendingPathComponent("_full")
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try build(cached: false, output: fresh)
        for language in ["en", "zh"] {
            let path = "\(language)/search.json"
            XCTAssertEqual(try site.page(path), try String(contentsOf: fresh.appendingPathComponent(path), encoding: .utf8),
                           "\(path) differs from a full build", file: file, line: line)
        }
    }

    private func replace(_ old: String, with new: String, in path: String) throws {
        let url = site.content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    func testAfterABodyEditTheIndexFindsTheNewWordAndNoLongerTheRemovedOne() throws {
        _ = try build()
        XCTAssertEqual(try search("lighthouse"), ["/en/2025/harbour-lights/"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: try storeFile().path))

        try replace("lighthouse keeper", with: "windmill keeper", in: "posts/en/2025-04-02-harbour-lights.md")
        let edit = try build()
        XCTAssertNotNil(edit.renderedPages, "the second build is incremental, with the store present")
        XCTAssertEqual(try search("windmill"), ["/en/2025/harbour-lights/"])
        XCTAssertEqual(try search("lighthouse"), [])
        // The unedited article's record came from the store and still answers.
        XCTAssertEqual(try search("cider"), ["/en/2025/orchard-ledger/"])
        XCTAssertEqual(try search("守塔人", language: "zh"), ["/zh/2025/harbour-lights/"])
        try assertIndexesAsAFullBuildMakesThem()

        // A renamed article's old record is not kept under its old URL.
        let from = site.content.appendingPathComponent("posts/en/2025-05-14-orchard-ledger.md")
        try FileManager.default.moveItem(at: from, to: from.deletingLastPathComponent().appendingPathComponent("2025-05-14-apple-ledger.md"))
        _ = try build()
        XCTAssertEqual(try search("cider"), ["/en/2025/apple-ledger/"])
        let records = try XCTUnwrap(SearchRecordStore.decode([UInt8](Data(contentsOf: storeFile())), tool: BuildCache.tool))
        XCTAssertEqual(records.keys.sorted(), ["/en/2025/apple-ledger/", "/en/2025/harbour-lights/", "/zh/2025/harbour-lights/"])
        try assertIndexesAsAFullBuildMakesThem()
    }

    func testADamagedStoreIsIgnoredAndTheIndexIsStillRight() throws {
        _ = try build()
        let store = try storeFile()
        var bytes = try Data(contentsOf: store)
        // A record that says the orchard article is about windmills: the checksum no longer holds.
        let tampered = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "The Orchard Ledger", with: "The Windmill Ledger").utf8)
        XCTAssertNotEqual(tampered, bytes)
        try tampered.write(to: store)
        try replace("lighthouse keeper", with: "windmill keeper", in: "posts/en/2025-04-02-harbour-lights.md")
        _ = try build()
        XCTAssertEqual(try search("windmill"), ["/en/2025/harbour-lights/"])
        try assertIndexesAsAFullBuildMakesThem()

        // Cut short, and then plain garbage: each is read as no store at all.
        bytes = try Data(contentsOf: store)
        try bytes.prefix(bytes.count / 2).write(to: store)
        try replace("windmill keeper", with: "ferryman", in: "posts/en/2025-04-02-harbour-lights.md")
        _ = try build()
        XCTAssertEqual(try search("ferryman"), ["/en/2025/harbour-lights/"])
        XCTAssertEqual(try search("windmill"), [])
        try assertIndexesAsAFullBuildMakesThem()

        try Data("not a search store".utf8).write(to: store)
        try replace("ferryman", with: "boatwright", in: "posts/en/2025-04-02-harbour-lights.md")
        _ = try build()
        XCTAssertEqual(try search("boatwright"), ["/en/2025/harbour-lights/"])
        try assertIndexesAsAFullBuildMakesThem()
    }

    func testAStoreWrittenByAnotherDuetBinaryIsIgnored() throws {
        _ = try build()
        let store = try storeFile()
        var records = try XCTUnwrap(SearchRecordStore.decode([UInt8](Data(contentsOf: store)), tool: BuildCache.tool))
        // Whole and checksummed, but made by another binary, whose records may differ: here, a wrong title.
        for (url, record) in records {
            records[url]?.json = ArraySlice(String(decoding: record.json, as: UTF8.self).replacingOccurrences(of: "The Orchard Ledger", with: "The Windmill Ledger").utf8)
        }
        try Data(SearchRecordStore.encoded(records, tool: BuildCache.tool &+ 1)).write(to: store)
        try replace("lighthouse keeper", with: "lamplighter", in: "posts/en/2025-04-02-harbour-lights.md")
        _ = try build()
        XCTAssertEqual(try search("windmill"), [])
        XCTAssertEqual(try search("orchard"), ["/en/2025/orchard-ledger/"])
        try assertIndexesAsAFullBuildMakesThem()
    }
}
