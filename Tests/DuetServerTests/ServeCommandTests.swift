import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `duet serve` as a process: the printed URL, Ctrl-C exiting 0, a busy port exiting 1.
final class ServeCommandTests: XCTestCase {
    private var executable: URL {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        return products.appendingPathComponent("duet")
    }

    /// A running `duet serve` whose output is collected as it comes.
    private final class Serving: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = "", err = ""
        private var closedPipes = 0
        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }

        init(_ executable: URL, _ arguments: [String], in folder: URL) throws {
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let outPipe = Pipe(), errPipe = Pipe()
            process.standardOutput = outPipe
            process.standardError = errPipe
            outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.read(handle, error: false) }
            errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.read(handle, error: true) }
            try process.run()
        }

        private func read(_ handle: FileHandle, error: Bool) {
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                lock.withLock { closedPipes += 1 }
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            lock.withLock { if error { err += text } else { out += text } }
        }

        func waitForURL(timeout: TimeInterval = 15) -> URL? {
            let deadline = Date().addingTimeInterval(timeout)
            repeat {
                if let match = stdout.firstMatch(of: /Serving at (http:\/\/\S+)/) { return URL(string: String(match.1)) }
                if !process.isRunning { return nil }
                usleep(20_000)
            } while Date() < deadline
            return nil
        }

        /// The exit status, or nil if it did not exit in time (then it is killed).
        func waitForExit(timeout: TimeInterval = 10) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            guard !process.isRunning else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            // Everything written before exiting has been read once both pipes are at their end.
            while lock.withLock({ closedPipes < 2 }) && Date() < deadline.addingTimeInterval(2) { usleep(10_000) }
            return process.terminationStatus
        }
    }

    private func serve(_ arguments: [String], site: ServedSite) throws -> Serving {
        let serving = try Serving(executable, ["serve", "--theme", "theme", "--output", "_site"] + arguments, in: site.root)
        addTeardownBlock { if serving.process.isRunning { _ = serving.waitForExit(timeout: 0) } }
        return serving
    }

    func testServePrintsTheURLAndCtrlCStopsWithExitZero() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try ServedSite(start: false)
        defer { site.remove() }
        let serving = try serve(["--port", "0"], site: site)
        let url = try XCTUnwrap(serving.waitForURL(), "no URL printed: \(serving.stdout) \(serving.stderr)")
        XCTAssertEqual(url.host, "127.0.0.1")
        XCTAssertTrue(serving.stdout.contains("Built 32 pages"), serving.stdout)
        let port = UInt16(try XCTUnwrap(url.port))
        XCTAssertEqual(try RawHTTP(port: port).get("/zh/").status, 200, "both languages are served")
        XCTAssertEqual(try RawHTTP(port: port).get("/en/").status, 200)

        let busy = try serve(["--port", String(port)], site: site)
        XCTAssertEqual(busy.waitForExit(), 1, "a busy port fails")
        XCTAssertTrue(busy.stderr.contains("port \(port)"), busy.stderr)

        kill(serving.process.processIdentifier, SIGINT)
        XCTAssertEqual(serving.waitForExit(), 0, "Ctrl-C exits cleanly: \(serving.stderr)")
        XCTAssertTrue(serving.stdout.contains("Stopped."))
    }

    func testANonLoopbackHostWarnsAndTermStops() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try ServedSite(start: false)
        defer { site.remove() }
        let serving = try serve(["--port", "0", "--host", "0.0.0.0"], site: site)
        let url = try XCTUnwrap(serving.waitForURL(), serving.stderr)
        XCTAssertNotEqual(url.host, "0.0.0.0", "no other machine can open http://0.0.0.0/")
        let port = UInt16(try XCTUnwrap(url.port))
        let home = try RawHTTP(port: port).get("/en/", headers: ["Host": "127.0.0.1:\(port)"])
        XCTAssertEqual(home.status, 200)
        let shown = try XCTUnwrap(url.host)
        XCTAssertTrue(home.text.contains("http://\(shown):\(port)/"), "links use the address printed")
        XCTAssertEqual(try RawHTTP(port: port).get("/en/", headers: ["Host": "\(shown):\(port)"]).status, 200)
        XCTAssertEqual(try RawHTTP(port: port).get("/en/", headers: ["Host": "attacker.example:\(port)"]).status, 403,
                       "beyond loopback the host check is still on")
        let deadline = Date().addingTimeInterval(5)
        while !serving.stderr.contains("reachable from the network") && Date() < deadline { usleep(20_000) }
        XCTAssertTrue(serving.stderr.contains("reachable from the network"), serving.stderr)
        kill(serving.process.processIdentifier, SIGTERM)
        XCTAssertEqual(serving.waitForExit(), 0)
    }

    /// The `Built …` summary lines printed so far, waiting until there are `count` of them.
    private func summaries(_ serving: Serving, count: Int, timeout: TimeInterval = 30) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        repeat {
            lines = serving.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Built ") || $0.hasPrefix("Build failed") }
            if lines.count >= count { break }
            usleep(20_000)
        } while Date() < deadline
        return lines
    }

    func testARebuildPrintsOnlyNewAndFixedDiagnosticsWithRightCounts() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try ServedSite(start: false)
        defer { site.remove() }
        try site.write("posts/en/2025-03-05-pictures.md", "---\ntitle: Pictures\ndescription: Two pictures.\n---\nSee ![](/files/a.png) here.\n")
        let serving = try serve(["--port", "0"], site: site)
        XCTAssertNotNil(serving.waitForURL(), serving.stderr)
        let first = serving.stderr
        XCTAssertTrue(first.contains("image without alt text"), first)
        let warningsAtFirst = first.components(separatedBy: ": warning: ").count - 1
        XCTAssertGreaterThan(warningsAtFirst, 1, "the fixture's own warnings are shown once")

        // An unrelated edit: nothing new, nothing gone, so no diagnostic at all.
        try site.write("posts/en/2025-02-03-harbor-talks.md", try site.read("posts/en/2025-02-03-harbor-talks.md") + "\nOne more line.\n")
        XCTAssertEqual(summaries(serving, count: 2).count, 2, serving.stdout)
        XCTAssertEqual(serving.stderr, first, "a rebuild does not reprint the site's warnings")

        // Fixing one warning prints that it is gone; adding one prints only the new one.
        try site.write("posts/en/2025-03-05-pictures.md", "---\ntitle: Pictures\ndescription: Two pictures.\n---\nSee ![A harbour crane](/files/a.png) here.\n")
        XCTAssertEqual(summaries(serving, count: 3).count, 3, serving.stdout)
        let fixed = String(serving.stderr.dropFirst(first.count))
        XCTAssertTrue(fixed.contains("fixed: content/posts/en/2025-03-05-pictures.md:"), fixed)
        XCTAssertFalse(fixed.split(separator: "\n").contains { !$0.hasPrefix("fixed: ") && $0.contains(": warning: ") }, fixed)
        try site.write("posts/en/2025-03-06-more.md", "---\ntitle: More\ndescription: One more.\n---\nAnd ![](/files/b.png).\n")
        XCTAssertEqual(summaries(serving, count: 4).count, 4, serving.stdout)
        let added = String(serving.stderr.dropFirst(first.count + fixed.count))
        XCTAssertEqual(added.components(separatedBy: ": warning: ").count - 1, 1, added)
        XCTAssertTrue(added.contains("2025-03-06-more.md:"), added)

        // A site-wide change renders every page: the counts still add up.
        try site.write("site.yml", try site.read("site.yml") + "\n# touched\n")
        let lines = summaries(serving, count: 5)
        XCTAssertEqual(lines.count, 5, serving.stdout)
        for line in lines.dropFirst() {
            guard let match = line.firstMatch(of: /Built (\d+) pages .* (\d+) rendered, (-?\d+) unchanged/) else { continue }
            let (pages, rendered, unchanged) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
            XCTAssertGreaterThanOrEqual(unchanged, 0, line)
            XCTAssertLessThanOrEqual(rendered, pages, "the status page is not one of the counted pages: \(line)")
        }
        XCTAssertTrue(lines[4].contains(" 0 unchanged"), "everything was rendered: \(lines[4])")
        kill(serving.process.processIdentifier, SIGINT)
        XCTAssertEqual(serving.waitForExit(), 0)
    }

    func testCtrlCDuringABuildStopsWithinASecondAndKeepsAWholeSite() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "duet is not built")
        let site = try ServedSite(start: false)
        defer { site.remove() }
        let count = 200
        func writePosts(_ revision: String) throws {
            for number in 0..<count {
                let day = String(format: "2025-%02d-%02d", number % 12 + 1, number % 28 + 1)
                try site.write("posts/en/\(day)-reading-room-\(number).md",
                               "---\ntitle: Reading Room \(number)\n---\nNotes from the reading room, number \(number). \(revision)\n")
                try site.write("posts/zh/\(day)-reading-room-\(number).md",
                               "---\ntitle: 阅览室 \(number)\n---\n阅览室笔记第 \(number) 篇。\(revision)\n")
            }
        }
        try writePosts("First draft.")
        let build = Process()
        build.executableURL = executable
        build.arguments = ["build", "--theme", "theme", "--output", "_site"]
        build.currentDirectoryURL = site.root
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        XCTAssertEqual(build.terminationStatus, 0)
        let before = try Self.contents(of: site.output)

        try writePosts("Second draft.")
        let serving = try serve(["--port", "0"], site: site)
        usleep(700_000)
        let midBuild = !serving.stdout.contains("Serving at")
        let started = Date()
        kill(serving.process.processIdentifier, SIGINT)
        XCTAssertEqual(serving.waitForExit(), 0, serving.stderr)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 1, "Ctrl-C took \(elapsed) s")
        print("Ctrl-C \(midBuild ? "during the build" : "after the build") exited in \(String(format: "%.3f", elapsed)) s")
        XCTAssertTrue(serving.stdout.contains("Stopped."), serving.stdout)
        XCTAssertFalse(serving.stderr.contains("build cancelled"), "a cancelled build is not reported as a failure")

        let after = try Self.contents(of: site.output)
        if !(midBuild && after == before) {
            // The build had reached its writing: then it finished, and every page is the new one.
            try Self.assertWhole(after, drafts: ["Second draft."], count: count)
        }

        // The same for a rebuild after a save: serve until ready, rename the review in site.yml (one
        // file, so every finished build is all old or all new), Ctrl-C while every page is rebuilt.
        let again = try serve(["--port", "0"], site: site)
        XCTAssertNotNil(again.waitForURL(timeout: 60), again.stderr)
        try site.write("site.yml", try site.read("site.yml").replacingOccurrences(of: "en: Fixture Review", with: "en: Fixture Quarterly"))
        usleep(400_000)
        let saved = Date()
        kill(again.process.processIdentifier, SIGINT)
        XCTAssertEqual(again.waitForExit(), 0, again.stderr)
        let rebuildElapsed = Date().timeIntervalSince(saved)
        XCTAssertLessThan(rebuildElapsed, 1, "Ctrl-C during a rebuild took \(rebuildElapsed) s")
        let english = try Self.contents(of: site.output).filter { $0.key.hasPrefix("/en/") }
        let kept = try Self.assertWhole(english, drafts: ["· Fixture Review<", "· Fixture Quarterly<"], count: count / 2)
        print("Ctrl-C during a rebuild exited in \(String(format: "%.3f", rebuildElapsed)) s; the site holds the \(kept ?? "?")")
    }

    /// Every article page is of one and the same draft: the last good site, never a mix.
    @discardableResult
    private static func assertWhole(_ files: [String: Data], drafts: [String], count: Int) throws -> String? {
        let pages = files.filter { $0.key.contains("reading-room") && $0.key.hasSuffix("index.html") }.values
            .map { String(decoding: $0, as: UTF8.self) }
        XCTAssertGreaterThanOrEqual(pages.count, 2 * count, "every article page (and its parallel view)")
        let found = Set(pages.compactMap { page in drafts.first { page.contains($0) } })
        XCTAssertEqual(found.count, 1, "pages of \(found.sorted()) at once: a mix of two builds")
        return found.first
    }

    private static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
