import Foundation
import XCTest

/// Two builds of the same sources give the same bytes, whatever the order the files were created
/// in, the folder they sit in, the cores the build runs on, the time zone or the time of day; and
/// `SOURCE_DATE_EPOCH`, not the clock, decides which posts are in the future.
final class DeterminismTests: XCTestCase {
    private let epoch = "1767225600" // 2026-01-01T00:00:00Z

    func testTwoBuildsOfTheSampleAreByteIdentical() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        let sample = SiteFixture.repositoryRoot.appendingPathComponent("content")
        let first = try Self.copy(sample, reversed: false)
        let second = try Self.copy(sample, reversed: true)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let theme = SiteFixture.defaultTheme.path
        let one = try DuetExecutable.run(["build", "--theme", theme], in: first,
                                         environment: ["SOURCE_DATE_EPOCH": epoch, "TZ": "UTC"])
        XCTAssertEqual(one.status, 0, one.stderr)
        // One core instead of all of them, another time zone, a second later: none may show.
        Thread.sleep(forTimeInterval: 1.1)
        let pinned = FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")
        var arguments = ["build", "--theme", theme]
        if pinned { arguments = ["-c", "0", DuetExecutable.url.path] + arguments }
        let two = try Self.run(pinned ? URL(fileURLWithPath: "/usr/bin/taskset") : DuetExecutable.url, arguments, in: second,
                               environment: ["SOURCE_DATE_EPOCH": epoch, "TZ": "Pacific/Kiritimati", "LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(two, 0)

        let a = try Self.files(under: first.appendingPathComponent("_site"))
        let b = try Self.files(under: second.appendingPathComponent("_site"))
        XCTAssertGreaterThan(a.count, 60)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "the same files")
        for (path, bytes) in a where b[path] != bytes {
            XCTFail("\(path) differs between the two builds")
        }
    }

    func testSourceDateEpochDecidesWhatIsInTheFuture() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        let site = try SiteFixture(files: [
            "posts/en/2025-06-01-midsummer.md": "---\ntitle: Midsummer Ledger\n---\nThe ledger closes at the solstice.\n",
        ])
        defer { site.remove() }
        let theme = SiteFixture.defaultTheme.path
        let before = try DuetExecutable.run(["build", "--theme", theme], in: site.root, environment: ["SOURCE_DATE_EPOCH": "1735689600"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertFalse(site.exists("en/2025/midsummer/index.html"), "dated after SOURCE_DATE_EPOCH (2025-01-01): future")
        let after = try DuetExecutable.run(["build", "--theme", theme], in: site.root, environment: ["SOURCE_DATE_EPOCH": epoch])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(site.exists("en/2025/midsummer/index.html"))
        let malformed = try DuetExecutable.run(["build", "--theme", theme], in: site.root, environment: ["SOURCE_DATE_EPOCH": "last tuesday"])
        XCTAssertEqual(malformed.status, 1)
        XCTAssertEqual(malformed.stderr,
                       "error: SOURCE_DATE_EPOCH 'last tuesday' is not a whole number of seconds since 1970-01-01 UTC\n")
    }

    /// A copy of `content/` under a fresh `<tmp>/<uuid>/content`, files created in sorted or
    /// reverse order, so the directory order the file system hands back differs between copies.
    private static func copy(_ source: URL, reversed: Bool) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-determinism-\(UUID().uuidString)")
        let paths = try files(under: source).keys.sorted()
        for path in reversed ? paths.reversed() : paths {
            let target = root.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(path), to: target)
        }
        return root
    }

    private static func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return result }
        for case let url as URL in enumerator where !((try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false) {
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    private static func run(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
