import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `duet build` killed with SIGKILL at any moment (no chance to clean up) leaves `_site/` as the
/// complete previous site or the complete new one: never a mix, never missing.
final class InterruptedBuildTests: XCTestCase {
    private static let extra = 24

    func testKilledBuildsLeaveTheOldOrTheNewSite() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: DuetExecutable.url.path), "duet is not built")
        let site = try SiteFixture()
        defer { site.remove() }
        try Self.writePosts(into: site, range: 0..<150)
        let theme = SiteFixture.defaultTheme.path

        // The two sites the folder may hold: without and with the extra posts.
        let small = try DuetExecutable.run(["build", "--theme", theme], in: site.root)
        XCTAssertEqual(small.status, 0, small.stderr)
        let smallFiles = try Self.files(in: site.output)
        try Self.writePosts(into: site, range: 150..<(150 + Self.extra))
        let started = Date()
        let large = try DuetExecutable.run(["build", "--theme", theme], in: site.root)
        let fullBuild = Date().timeIntervalSince(started)
        XCTAssertEqual(large.status, 0, large.stderr)
        let largeFiles = try Self.files(in: site.output)
        XCTAssertGreaterThan(smallFiles.count, 300)
        XCTAssertNotEqual(smallFiles, largeFiles)

        var holdsLarge = true
        var outcomes: [String] = []
        // Delays spread over the whole build: during loading, rendering, writing and the swap.
        let fractions = [0.05, 0.4, 0.7, 0.9, 1.05] + (0..<2).map { _ in Double.random(in: 0.1...1.2) }
        for (round, fraction) in fractions.enumerated() {
            // Ask for the other site than the one on disk, so old and new are told apart.
            if holdsLarge { try Self.removeExtraPosts(from: site) } else { try Self.writePosts(into: site, range: 150..<(150 + Self.extra)) }
            let marker = site.output.appendingPathComponent("marker.txt")
            try Data("round \(round)\n".utf8).write(to: marker)
            let delay = fullBuild * fraction

            let process = Process()
            process.executableURL = DuetExecutable.url
            process.arguments = ["build", "--theme", theme]
            process.currentDirectoryURL = site.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let now = try Self.files(in: site.output)
            let before = holdsLarge ? largeFiles : smallFiles
            let after = holdsLarge ? smallFiles : largeFiles
            if now == before.union(["marker.txt"]) {
                XCTAssertEqual(try String(contentsOf: marker, encoding: .utf8), "round \(round)\n")
                outcomes.append(String(format: "%.2f s: old", delay))
            } else if now == after {
                holdsLarge.toggle()
                outcomes.append(String(format: "%.2f s: new", delay))
            } else {
                XCTFail(String(format: "killed after %.2f s: _site/ holds %d files, neither the old site (%d + marker) nor the new (%d)",
                               delay, now.count, before.count, after.count))
            }
        }
        print("full build \(String(format: "%.2f", fullBuild)) s; kills: \(outcomes.joined(separator: ", "))")

        // The next build finishes and clears the staging folders the killed builds left behind.
        let final = try DuetExecutable.run(["build", "--theme", theme], in: site.root)
        XCTAssertEqual(final.status, 0, final.stderr)
        let strays = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".duet-") && $0 != ".duet-cache" }
        XCTAssertEqual(strays, [])
    }

    private static func writePosts(into site: SiteFixture, range: Range<Int>) throws {
        for number in range {
            let day = String(format: "2025-%02d-%02d", number % 12 + 1, number % 28 + 1)
            try site.write("posts/en/\(day)-field-note-\(number).md", """
                ---
                title: Field Note \(number)
                ---
                A short dispatch from the reading room, number \(number), on the habits of small archives.

                The second paragraph keeps the page honest: catalogues, boxes and the people who label them.
                """)
            try site.write("posts/zh/\(day)-field-note-\(number).md", """
                ---
                title: 田野笔记 \(number)
                ---
                第 \(number) 篇来自阅览室的短讯，谈小型档案馆的日常习惯。

                第二段讲目录、档案盒，以及给它们贴标签的人。
                """)
        }
    }

    private static func removeExtraPosts(from site: SiteFixture) throws {
        for language in ["en", "zh"] {
            let folder = site.content.appendingPathComponent("posts/\(language)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where (Int(name.split(separator: "-").last?.split(separator: ".").first ?? "") ?? 0) >= 150 {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Relative paths of every file under `folder`.
    private static func files(in folder: URL) throws -> Set<String> {
        let base = folder.standardizedFileURL.path + "/"
        var result: Set<String> = []
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return result }
        for case let url as URL in enumerator where !((try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false) {
            result.insert(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return result
    }
}
