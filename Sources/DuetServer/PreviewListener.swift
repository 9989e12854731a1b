import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP/1.1 side of `duet serve`: FlyingSocks' non-blocking sockets and event loop (epoll,
/// kqueue) under a request reader of our own.
///
/// FlyingFox 0.27.1's `HTTPServer` reads a request byte by byte through an actor and, after each
/// byte, compares the `suffix` of the line so far with the line end; that resolves to
/// `Sequence.suffix`, which walks the whole line, so a line costs time quadratic in its length
/// (that check alone, optimized, on a busy 2-core machine: 0.85 / 3.2 / 13.3 s for lines of
/// 12.8 / 25.6 / 51.2 KB). It also keeps header fields in a
/// dictionary (the last `Host` wins), has no limit on lines or headers, and gives a client that
/// never finishes its request all the time it wants. Here each connection reads into one
/// buffer that `RequestParser` scans once, with every limit of `ServerLimits` checked as bytes
/// arrive, a deadline for each phase (idle, headers, writing) enforced by one sweeper, a cap on
/// open connections, and the host check before any handler runs.
final class PreviewListener: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private let limits: ServerLimits
    private let hosts: HostPolicy
    private let handler: Handler
    private let table: ConnectionTable
    private let pool: any AsyncSocketPool
    private let socket: Socket
    private let lock = NSLock()
    private var runTask: Task<Void, Never>?

    /// Binds and listens at once, so a busy port is an error before anything is built.
    init(address: some SocketAddress, limits: ServerLimits, hosts: HostPolicy, handler: @escaping Handler) throws {
        self.limits = limits
        self.hosts = hosts
        self.handler = handler
        // Stay below the descriptors the process may open, so `accept` never fails for want of one.
        self.table = ConnectionTable(capacity: max(1, min(limits.connections, Self.raiseDescriptorLimit() - 64)))
        self.pool = HTTPServer.defaultPool()
        let socket = try Socket(domain: Int32(type(of: address).family))
        try socket.setValue(true, for: .localAddressReuse)
        do {
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        self.socket = socket
    }

    var port: UInt16? {
        switch try? socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    var openConnections: Int { table.count }

    func start() async throws {
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let task = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await self.pool.run() }
                group.addTask { await self.accept(on: listening) }
                group.addTask { await self.sweep() }
                await group.next()
                group.cancelAll()
            }
        }
        lock.withLock { runTask = task }
    }

    /// Stops accepting, ends every connection, and closes the socket.
    func stop() async {
        let task = lock.withLock { () -> Task<Void, Never>? in
            defer { runTask = nil }
            return runTask
        }
        let connections = table.cancelAll()
        task?.cancel()
        await task?.value
        for connection in connections { await connection.value }
        try? socket.close()
    }

    // MARK: Accepting

    private func accept(on listening: AsyncSocket) async {
        while !Task.isCancelled {
            let client: AsyncSocket
            do {
                client = try await listening.accept()
            } catch is CancellationError {
                return
            } catch SocketError.disconnected {
                return
            } catch {
                // Out of descriptors or memory for a moment: the listening socket stays readable.
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            guard let id = table.admit(deadline: .now + limits.idleTimeout) else {
                _ = try? client.socket.write(ResponseEncoding.plain(503, "too many open connections; try again in a moment",
                                                                    extra: [("Retry-After", "1")]))
                try? client.close()
                continue
            }
            // Small answers go out at once, not after a delayed acknowledgement.
            var on: Int32 = 1
            setsockopt(client.socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            let task = Task { await self.serve(client, id: id) }
            table.attach(id, task: task)
        }
    }

    /// Every 100 ms, ends the connections that missed their deadline.
    private func sweep() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            table.expire(now: .now)
        }
    }

    // MARK: One connection

    private func serve(_ client: AsyncSocket, id: Int) async {
        defer {
            table.remove(id)
            try? client.close()
        }
        var connection = Connection(socket: client)
        var parser = RequestParser(limits: limits)
        while !Task.isCancelled {
            table.setDeadline(id, .now + limits.idleTimeout)
            if connection.buffer.isEmpty {
                guard (try? await connection.receive()) == true else { return }
            }
            // The whole head must arrive within the header time-out of its first byte.
            table.setDeadline(id, .now + limits.headerTimeout)
            var outcome = parser.parse(connection.buffer)
            while outcome == .incomplete {
                guard (try? await connection.receive()) == true else {
                    if Task.isCancelled { await reject(connection, id: id, 408, "the request did not arrive in time") }
                    return
                }
                outcome = parser.parse(connection.buffer)
            }
            let head: RequestHead
            switch outcome {
            case .incomplete:
                return
            case .rejected(let rejection):
                await reject(connection, id: id, rejection.status, rejection.reason)
                return
            case .request(let parsed, let consumed):
                head = parsed
                connection.drop(consumed)
                parser.reset()
            }
            guard (try? await connection.discard(head.bodyLength)) != nil else { return }
            table.setDeadline(id, nil)

            guard hosts.accepts(head.authority) else {
                await reject(connection, id: id, 403, hosts.refusal(head.authority))
                return
            }
            let response = await handler(Self.request(head))
            let close = !head.keepAlive || Task.isCancelled
            guard (try? await send(response, for: head, close: close, on: connection, id: id)) == true, !close else {
                return
            }
        }
    }

    /// The server's own error answer, then a lingering close: the rest of what the client is
    /// sending is read and dropped for a moment, so closing does not reset the connection before
    /// the client has read the answer.
    private func reject(_ connection: Connection, id: Int, _ status: Int, _ message: String) async {
        table.setDeadline(id, .now + .seconds(1))
        let extra = status == 405 ? [("Allow", "GET, HEAD")] : []
        // A deadline that already cancelled this task must not stop the answer: write unbounded by it.
        let socket = connection.socket
        let answer = ResponseEncoding.plain(status, message, extra: extra)
        let written = Task.detached { try? await socket.write(answer) }
        await withTaskCancellationHandler { await written.value } onCancel: { written.cancel() }
        shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        var drained = 0
        while drained < 1 << 20, let bytes = try? await socket.read(atMost: 65_536) { drained += bytes.count }
    }

    private func send(_ response: HTTPResponse, for head: RequestHead, close: Bool, on connection: Connection, id: Int) async throws -> Bool {
        let socket = connection.socket
        guard case .httpBody(let body) = response.payload else { return false }
        table.setDeadline(id, .now + limits.writeTimeout)
        let streaming = body.count == nil
        let responseHead = ResponseEncoding.head(response, bodyCount: body.count, close: close || streaming, version: head.version)
        if head.method == "HEAD" {
            try await socket.write(responseHead)
            return true
        }
        guard streaming else {
            // Head and body in as few writes as fit 256 KiB each.
            var pending = responseHead
            for try await chunk in body {
                pending.append(chunk)
                if pending.count >= 256 * 1024 {
                    table.setDeadline(id, .now + limits.writeTimeout)
                    try await socket.write(pending)
                    pending = Data()
                }
            }
            if !pending.isEmpty { try await socket.write(pending) }
            return true
        }
        try await socket.write(responseHead)
        for try await chunk in body {
            table.setDeadline(id, .now + limits.writeTimeout)
            try await socket.write(ResponseEncoding.chunk(chunk))
            // A live-reload stream waits for the next event without a deadline.
            table.setDeadline(id, nil)
        }
        table.setDeadline(id, .now + limits.writeTimeout)
        try await socket.write(ResponseEncoding.lastChunk)
        return false
    }

    /// The head as FlyingFox's request value, which `SiteRequestHandler` reads.
    static func request(_ head: RequestHead) -> HTTPRequest {
        var headers = HTTPHeaders()
        for field in head.fields { headers.addValue(field.value, for: HTTPHeader(field.name)) }
        return HTTPRequest(method: HTTPMethod(rawValue: head.method), version: HTTPVersion(head.version),
                           target: .init(path: head.path, query: head.query), headers: headers, body: HTTPBodySequence())
    }

    /// Lifts the soft limit on open files to the hard one (Linux ships 1,024 soft): a cap of
    /// thousands of connections needs as many descriptors. Returns the limit now in force.
    static func raiseDescriptorLimit() -> Int {
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        let wanted = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, rlim_t(Int32.max)))
    }
}

/// The bytes received on one connection and not yet used.
private struct Connection {
    let socket: AsyncSocket
    var buffer: [UInt8] = []

    /// Appends what arrives next; false at the end of the stream.
    mutating func receive() async throws -> Bool {
        let bytes = try await socket.read(atMost: 16_384)
        guard !bytes.isEmpty else { return false }
        buffer += bytes
        return true
    }

    mutating func drop(_ count: Int) {
        buffer.removeFirst(min(count, buffer.count))
    }

    /// Reads and drops a request body of `count` bytes.
    mutating func discard(_ count: Int) async throws {
        var left = count
        while left > 0 {
            if buffer.isEmpty { guard try await receive() else { throw SocketError.disconnected } }
            let taken = min(left, buffer.count)
            drop(taken)
            left -= taken
        }
    }
}
