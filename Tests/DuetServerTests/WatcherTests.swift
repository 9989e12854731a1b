@testable import DuetServer
import Foundation
import XCTest

/// The watcher on its own: recursion into folders created later, debouncing, ignored names.
final class WatcherTests: XCTestCase {
    private final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [Set<String>] = []
        func append(_ batch: Set<String>) { lock.withLock { batches.append(batch) } }
        var all: [Set<String>] { lock.withLock { batches } }

        func wait(until condition: ([Set<String>]) -> Bool, timeout: TimeInterval = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            repeat {
                if condition(all) { return true }
                usleep(10_000)
            } while Date() < deadline
            return false
        }
    }

    private func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duet-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func watch(_ folder: URL, polling: Bool = false) -> (Watcher, Batches) {
        let batches = Batches()
        let watcher = Watcher(roots: [folder], debounce: .milliseconds(100), pollInterval: .milliseconds(50),
                              forcePolling: polling) { batches.append($0) }
        let mode = watcher.start()
        if !polling {
            #if os(Linux)
            XCTAssertEqual(mode, .inotify)
            #endif
        }
        addTeardownBlock { watcher.stop() }
        return (watcher, batches)
    }

    func testFollowsFoldersCreatedAfterStartingAndIgnoresEditorLeftovers() throws {
        let folder = try makeFolder()
        let (_, batches) = watch(folder)
        let deep = folder.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data("one".utf8).write(to: deep.appendingPathComponent("first.md"))
        XCTAssertTrue(batches.wait { $0.joined().contains(deep.appendingPathComponent("first.md").path) },
                      "a file written into a brand-new folder tree: \(batches.all)")

        let before = batches.all.count
        try Data("x".utf8).write(to: deep.appendingPathComponent(".hidden.swp"))
        try Data("x".utf8).write(to: deep.appendingPathComponent("backup.md~"))
        try Data("two".utf8).write(to: deep.appendingPathComponent("second.md"))
        XCTAssertTrue(batches.wait { $0.count > before && $0.joined().contains(deep.appendingPathComponent("second.md").path) },
                      "a later file in the new folder")
        let later = batches.all.dropFirst(before).joined()
        XCTAssertFalse(later.contains { $0.hasSuffix(".swp") || $0.hasSuffix("~") }, "\(later)")
    }

    func testABurstOfChangesIsOneReport() throws {
        let folder = try makeFolder()
        let (_, batches) = watch(folder)
        for index in 0..<200 {
            try Data("\(index)".utf8).write(to: folder.appendingPathComponent("file-\(index).md"))
        }
        XCTAssertTrue(batches.wait { $0.joined().count >= 200 }, "every file reported")
        usleep(300_000)
        XCTAssertLessThanOrEqual(batches.all.count, 2, "a burst is debounced into one report (two at most on a slow machine)")
    }

    func testPollingSeesChangesAndDeletions() throws {
        let folder = try makeFolder()
        let file = folder.appendingPathComponent("post.md")
        try Data("one".utf8).write(to: file)
        let (_, batches) = watch(folder, polling: true)
        try Data("changed".utf8).write(to: file)
        XCTAssertTrue(batches.wait { $0.joined().contains(file.path) })
        let before = batches.all.count
        try FileManager.default.removeItem(at: file)
        XCTAssertTrue(batches.wait { $0.count > before && $0.last!.contains(file.path) }, "deletion reported")
    }
}
