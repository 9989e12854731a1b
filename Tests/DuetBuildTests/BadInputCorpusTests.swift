import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The bad-input corpus, `Tests/Fixtures/bad/<case>/`: each case is a site (`content/`) with one
/// mistake, `expected.txt` with the diagnostic lines the real `duet build` must print (paths as
/// seen from the case folder), `flags.txt` with extra options, and `expect-success` when the
/// input is odd but valid. Every case must end with the expected exit status, never by a signal,
/// within a minute, and a failing build must leave the previous `_site/` exactly as it was.
final class BadInputCorpusTests: XCTestCase {
    static let corpus = SiteFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad")

    /// Cases whose bad file cannot live in git (symbolic links, permissions, 50 MB): made here.
    /// Returns a reason to skip the case, or nil.
    private static let setups: [String: @Sendable (URL) throws -> String?] = [
        "huge-post": { content in
            let paragraph = String(repeating: "The tide tables for the outer islands are printed a season ahead. ", count: 16) + "\n\n"
            var text = "---\ntitle: The Long Read\n---\n"
            let target = 50 * 1024 * 1024
            text.reserveCapacity(target + paragraph.utf8.count)
            while text.utf8.count < target { text += paragraph }
            try write(text, to: content.appendingPathComponent("posts/en/2025-03-04-long-read.md"))
            return nil
        },
        "symlink-loop": { content in
            let folder = content.appendingPathComponent("posts/en")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("2025-03-04-circle.md").path,
                                                       withDestinationPath: "2025-03-04-circle.md")
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("archive").path, withDestinationPath: "..")
            return nil
        },
        "symlink-outside": { content in
            let outside = content.deletingLastPathComponent().appendingPathComponent("private-notes.md")
            try write("---\ntitle: Private Notes\n---\nNot meant for the public site.\n", to: outside)
            let folder = content.appendingPathComponent("posts/en")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("2025-03-04-notes.md").path,
                                                       withDestinationPath: outside.path)
            return nil
        },
        "unreadable-file": { content in
            // root reads every file whatever its mode, so the case cannot fail as root.
            if getuid() == 0 { return "running as root, which can read a file with mode 000" }
            let file = content.appendingPathComponent("posts/en/2025-03-04-locked.md")
            try write("---\ntitle: Locked\n---\nA draft kept from prying eyes.\n", to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
            return nil
        },
    ]

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testEveryCaseOfTheCorpus() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 28)
        for name in names {
            try check(name)
        }
        XCTAssertTrue(Set(Self.setups.keys).isSubset(of: Set(names)), "every generated case has its folder")
    }

    private func check(_ name: String) throws {
        let source = Self.corpus.appendingPathComponent(name)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-bad-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        defer { Self.removeAll(root) }
        let content = root.appendingPathComponent("content")
        if let skip = try Self.setups[name]?(content) {
            print("\(name): skipped: \(skip)")
            return
        }
        let marker = root.appendingPathComponent("_site/marker.txt")
        try Self.write("the previous build\n", to: marker)

        let expectSuccess = FileManager.default.fileExists(atPath: source.appendingPathComponent("expect-success").path)
        let flags = ((try? String(contentsOf: source.appendingPathComponent("flags.txt"), encoding: .utf8)) ?? "")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        let expected = try String(contentsOf: source.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)

        let result = try DuetExecutable.run(["build", "--theme", SiteFixture.defaultTheme.path] + flags, in: root, timeout: 60)
        XCTAssertFalse(result.timedOut, "\(name): still running after 60 s")
        XCTAssertFalse(result.signalled, "\(name): ended by signal \(result.status)\n\(result.stderr)")
        XCTAssertEqual(result.status, expectSuccess ? 0 : 1, "\(name): exit status\n\(result.stderr)")
        let printed = Set(result.stderr.split(separator: "\n").map(String.init))
        for line in expected {
            XCTAssertTrue(printed.contains(line), "\(name): expected\n\(line)\nin\n\(result.stderr)")
        }
        if !expectSuccess {
            XCTAssertFalse(expected.isEmpty, "\(name): a failing case names its diagnostic")
            XCTAssertTrue(result.stdout.hasPrefix("Build failed: "), "\(name): \(result.stdout)")
            let left = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("_site").path)
            XCTAssertEqual(left, ["marker.txt"], "\(name): the previous _site/ must be untouched")
            XCTAssertEqual(try String(contentsOf: marker, encoding: .utf8), "the previous build\n")
        } else {
            XCTAssertTrue(result.stdout.hasPrefix("Built "), "\(name): \(result.stdout)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(name): a good build replaces _site/ whole")
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("_site/en/index.html").path))
        }
        let strays = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".duet-") && $0 != ".duet-cache" }
        XCTAssertEqual(strays, [], "\(name): no staging folder is left behind")
    }

    /// Restores permissions first, so a mode-000 file does not survive the clean-up.
    private static func removeAll(_ root: URL) {
        if let files = FileManager.default.enumerator(atPath: root.path) {
            for case let relative as String in files {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent(relative).path)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }
}
