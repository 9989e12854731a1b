import DuetBuild
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `duet serve`: builds the site, serves it, and rebuilds when the content or the theme changes.
///
/// The server is a client of the build: every rebuild is an ordinary `Builder` run into the
/// output folder, which `DiskStore` writes beside it and swaps in whole, so a request never sees
/// half a site, and a failed build leaves the last good site in place (its HTML pages then show
/// the error page). Rebuilds are full builds of the site, one at a time; changes that arrive
/// during a build are gathered into the next one.
///
/// ```swift
/// let server = PreviewServer(configuration: .init(build: BuildOptions(includeDrafts: true)))
/// let url = try await server.start()   // http://127.0.0.1:4000/
/// ...
/// await server.stop()
/// ```
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var build: BuildOptions
        /// An IP address; anything but loopback makes the site reachable from the network.
        public var host: String
        /// 0 picks a free port (tests).
        public var port: UInt16
        public var watch: Bool
        public var forcePolling: Bool
        public var debounce: Duration
        /// Sizes, time-outs and the connection cap of the HTTP side.
        public var limits: ServerLimits
        /// Host names answered besides loopback and the machine's own (`--allow-host`).
        public var allowedHosts: [String]

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 4000, watch: Bool = true,
                    forcePolling: Bool = false, debounce: Duration = .milliseconds(25),
                    limits: ServerLimits = ServerLimits(), allowedHosts: [String] = []) {
            self.build = build
            self.host = host
            self.port = port
            self.watch = watch
            self.forcePolling = forcePolling
            self.debounce = debounce
            self.limits = limits
            self.allowedHosts = allowedHosts
        }
    }

    public enum Event: Sendable {
        /// A build finished; `changes` are the paths that caused it (empty for the first build).
        case built(BuildReport, changes: [String])
        case watching(Watcher.Mode)
    }

    public let configuration: Configuration
    public let liveReload = LiveReload()
    private let status = SiteStatus()
    private let onEvent: @Sendable (Event) -> Void
    private let rebuildQueue = DispatchQueue(label: "duet.serve.rebuild")
    /// The site as the last build left it, in memory: a rebuild reads and parses only the files
    /// that changed and renders only the outputs whose recorded reads changed.
    private let session = BuildSession()

    private let lock = NSLock()
    private var listener: PreviewListener?
    private var watcher: Watcher?
    private var buildOptions: BuildOptions
    private var pending: Set<String> = []
    private var building = false
    private var stopped = false
    private var _url: URL?

    public init(configuration: Configuration, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.buildOptions = configuration.build
        self.onEvent = onEvent
    }

    /// Where the site is served, once started (`http://127.0.0.1:4000/`).
    public var url: URL? { lock.withLock { _url } }

    /// True for 127.0.0.0/8, ::1 and `localhost`: the only hosts that keep the preview private.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// Listens, builds once, starts watching, and returns the URL. Throws before building when the
    /// folders are missing or the port cannot be had.
    public func start() async throws(PreviewServerError) -> URL {
        let options = configuration.build
        for (kind, path) in [("content", options.source), ("theme", options.theme)] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw .missingFolder(kind: kind, path: path)
            }
        }
        let host = configuration.host.lowercased() == "localhost" ? "127.0.0.1" : configuration.host
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let address: any SocketAddress
        do {
            address = bare.contains(":") ? try sockaddr_in6.inet6(ip6: bare, port: configuration.port)
                                         : try sockaddr_in.inet(ip4: bare, port: configuration.port)
        } catch {
            throw .invalidHost(configuration.host)
        }

        let basePath = Self.basePath(of: options.baseURL)
        let output = URL(fileURLWithPath: options.output)
        let handler = SiteRequestHandler(resolver: SitePathResolver(root: output), status: status,
                                         liveReload: liveReload, basePath: basePath)
        let machine = Self.isLoopback(bare) ? [] : MachineAddresses.names() + MachineAddresses.addresses()
        let hosts = HostPolicy(listeningOn: bare, allowed: configuration.allowedHosts, machine: machine)
        let listener: PreviewListener
        do {
            listener = try PreviewListener(address: address, limits: configuration.limits, hosts: hosts) { request in
                await handler.handleRequest(request)
            }
        } catch {
            if case .failed(_, let code, let message) = error as? SocketError {
                throw .from(bindErrno: code, host: bare, port: configuration.port, message: message)
            }
            throw .cannotListen(host: bare, port: configuration.port, reason: "\(error)")
        }
        do {
            try await listener.start()
        } catch {
            await listener.stop()
            throw .cannotListen(host: bare, port: configuration.port, reason: "\(error)")
        }
        lock.withLock { self.listener = listener }
        let port = listener.port ?? configuration.port

        // On every interface (0.0.0.0, ::) links use an address other machines can open.
        let shown = bare == "0.0.0.0" || bare == "::" ? MachineAddresses.firstReachable() ?? "127.0.0.1" : bare
        let urlHost = shown.contains(":") ? "[\(shown)]" : shown
        let url = URL(string: "http://\(urlHost):\(port)\(basePath)/")!
        lock.withLock {
            // Links and feeds point at the preview unless --base-url says otherwise.
            if buildOptions.baseURL == nil { buildOptions.baseURL = "http://\(urlHost):\(port)" }
            _url = url
            building = true
        }
        if configuration.watch {
            let watcher = Watcher(roots: [URL(fileURLWithPath: options.source), URL(fileURLWithPath: options.theme)],
                                  debounce: configuration.debounce, forcePolling: configuration.forcePolling) { [weak self] changes in
                self?.schedule(changes)
            }
            lock.withLock { self.watcher = watcher }
            onEvent(.watching(watcher.start()))
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            rebuildQueue.async {
                self.rebuild(changes: [])
                done.resume()
                self.drain()
            }
        }
        return url
    }

    /// Stops watching, ends the live-reload streams, closes the server and waits for a running build.
    public func stop() async {
        let (watcher, listener) = lock.withLock { () -> (Watcher?, PreviewListener?) in
            stopped = true
            defer { self.watcher = nil; self.listener = nil }
            return (self.watcher, self.listener)
        }
        watcher?.stop()
        liveReload.closeAll()
        await listener?.stop()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in rebuildQueue.async { done.resume() } }
    }

    /// Connections open right now (tests watch slow clients being dropped).
    public var openConnections: Int { lock.withLock { listener }?.openConnections ?? 0 }

    // MARK: Rebuilding

    /// `stop` was called: a running build gives up (writing nothing) instead of keeping Ctrl-C waiting.
    private var isStopped: Bool { lock.withLock { stopped } }

    /// A save arrived while building: the build's late outputs can wait for the next one.
    private var hasPendingChanges: Bool { lock.withLock { !pending.isEmpty } }

    private func schedule(_ changes: Set<String>) {
        let start = lock.withLock { () -> Bool in
            guard !stopped else { return false }
            pending.formUnion(changes)
            if building { return false }
            building = true
            return true
        }
        if start { rebuildQueue.async { self.drain() } }
    }

    /// Builds until no change is waiting; runs on `rebuildQueue` only.
    private func drain() {
        while true {
            let batch = lock.withLock { () -> Set<String>? in
                if pending.isEmpty || stopped { building = false; return nil }
                defer { pending = [] }
                return pending
            }
            guard let batch else { return }
            rebuild(changes: batch)
        }
    }

    private func rebuild(changes: Set<String>) {
        var options = lock.withLock { buildOptions }
        options.now = Date()
        // Each changed page is renamed over the old one: readers get the old page or the new.
        options.updatesInPlace = true
        options.isCancelled = { [weak self] in self?.isStopped ?? true }
        options.session = session
        options.changes = changes
        options.isSuperseded = { [weak self] in self?.hasPendingChanges ?? false }
        // Plain asset names: a stylesheet edit rewrites the stylesheet, and no page links a new name.
        options.fingerprintAssets = false
        let announced = Mutex(false)
        let baseURL = options.baseURL
        // The reload goes out as soon as the pages are written; EPUBs and search indexes follow.
        options.onPagesWritten = { [self] pages in
            announce(pages, changes: changes, baseURL: baseURL)
            announced.withLock { $0 = true }
        }
        status.isBuilding = true
        let report = Builder(options: options).build()
        status.isBuilding = false
        if isStopped { return }
        if !announced.withLock({ $0 }) || !report.succeeded { announce(report, changes: changes, baseURL: options.baseURL) }
        onEvent(.built(report, changes: changes.sorted()))
    }

    private func announce(_ report: BuildReport, changes: Set<String>, baseURL: String?) {
        let (build, previousFailed) = status.record(report)
        let cssOnly = report.succeeded && !previousFailed && !changes.isEmpty && changes.allSatisfy { $0.hasSuffix(".css") }
        if cssOnly {
            let base = Self.basePath(of: baseURL)
            liveReload.broadcast(.css(build: build, stylesheets: report.stylesheets.map { base + "/" + $0 }))
        } else {
            liveReload.broadcast(.reload(build: build))
        }
    }

    /// `https://example.org/duet/` -> `/duet`; "" for none or a root URL.
    static func basePath(of baseURL: String?) -> String {
        guard let baseURL, let path = URL(string: baseURL)?.path else { return "" }
        let trimmed = path.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "" : "/" + trimmed
    }
}

