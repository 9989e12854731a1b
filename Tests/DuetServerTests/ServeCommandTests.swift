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
        XCTAssertNotNil(serving.waitForURL(), serving.stderr)
        let deadline = Date().addingTimeInterval(5)
        while !serving.stderr.contains("reachable from the network") && Date() < deadline { usleep(20_000) }
        XCTAssertTrue(serving.stderr.contains("reachable from the network"), serving.stderr)
        kill(serving.process.processIdentifier, SIGTERM)
        XCTAssertEqual(serving.waitForExit(), 0)
    }
}
