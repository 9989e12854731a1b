import DuetBuild
import DuetServer
import Foundation
import XCTest

/// A copy of a fixture site and of the default theme in a temporary folder, served by a real
/// `PreviewServer` on a free port. Tests are synchronous and block only their own thread; the
/// server runs on the concurrency pool, so a 2-core machine is not starved.
final class ServedSite: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let server: PreviewServer
    private(set) var port: UInt16 = 0
    private let log: ReportLog

    var content: URL { root.appendingPathComponent("content") }
    var theme: URL { root.appendingPathComponent("theme") }
    var output: URL { root.appendingPathComponent("_site") }
    var reports: [BuildReport] { log.reports }
    var http: RawHTTP { RawHTTP(port: port) }

    init(fixture: String = "basic", port: UInt16 = 0, forcePolling: Bool = false, baseURL: String? = nil,
         limits: ServerLimits = ServerLimits(), host: String = "127.0.0.1", allowedHosts: [String] = [],
         start: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-serve-\(UUID().uuidString)")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: Self.repositoryRoot.appendingPathComponent("Tests/Fixtures/\(fixture)/content"),
                                 to: root.appendingPathComponent("content"))
        try fileManager.copyItem(at: Self.repositoryRoot.appendingPathComponent("themes/default"),
                                 to: root.appendingPathComponent("theme"))
        let options = BuildOptions(source: root.appendingPathComponent("content").path,
                                   theme: root.appendingPathComponent("theme").path,
                                   output: root.appendingPathComponent("_site").path, includeDrafts: true,
                                   baseURL: baseURL)
        let log = ReportLog()
        self.log = log
        server = PreviewServer(configuration: .init(build: options, host: host, port: port, forcePolling: forcePolling,
                                                    limits: limits, allowedHosts: allowedHosts)) { event in
            if case .built(let report, _) = event { log.append(report) }
        }
        if start { try self.start() }
    }

    func start() throws {
        let server = self.server
        let url = try Self.blocking { try await server.start() }
        port = UInt16(url.port ?? 0)
    }

    func stop() {
        let server = self.server
        _ = try? Self.blocking { await server.stop() }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes the way editors save: a temporary file renamed over the original.
    func write(_ path: String, _ text: String, under folder: URL? = nil) throws {
        let url = (folder ?? content).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    func read(_ path: String, under folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? content).appendingPathComponent(path), encoding: .utf8)
    }

    /// Runs async work from a synchronous test, bounded.
    static func blocking<T: Sendable>(timeout: TimeInterval = 30, _ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success, let result = box.get() else {
            throw RawHTTP.Failure(description: "timed out after \(timeout) s")
        }
        return try result.get()
    }
}

private final class ReportLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _reports: [BuildReport] = []
    func append(_ report: BuildReport) { lock.withLock { _reports.append(report) } }
    var reports: [BuildReport] { lock.withLock { _reports } }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() -> Result<T, any Error>? { lock.withLock { result } }
}

extension XCTestCase {
    /// A served copy of a fixture that is stopped and deleted when the test ends, pass or fail.
    func servedSite(fixture: String = "basic", forcePolling: Bool = false, baseURL: String? = nil,
                    limits: ServerLimits = ServerLimits(), host: String = "127.0.0.1", allowedHosts: [String] = []) throws -> ServedSite {
        let site = try ServedSite(fixture: fixture, forcePolling: forcePolling, baseURL: baseURL, limits: limits,
                                  host: host, allowedHosts: allowedHosts)
        addTeardownBlock {
            site.stop()
            site.remove()
        }
        return site
    }
}
