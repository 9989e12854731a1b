/// How much the preview server lets one client take: bytes of a request, time to send it, and
/// connections at once. The defaults keep a tab, `curl` and a load test working while a client
/// that sends megabytes of header, or one byte every few seconds, is cut off quickly.
public struct ServerLimits: Sendable, Equatable {
    /// The request line (`GET /path HTTP/1.1`), in bytes; longer gets 414.
    public var requestLine: Int
    /// Every header line together, in bytes; more gets 431.
    public var headerBlock: Int
    /// Header lines; more gets 431.
    public var headerFields: Int
    /// An announced request body (the preview takes none: GET and HEAD only); more gets 413.
    /// A body up to this size is read and dropped, so the connection stays usable.
    public var body: Int
    /// From the first byte of a request to the end of its headers; then the connection is closed.
    public var headerTimeout: Duration
    /// A kept-alive connection waiting for its next request (or a new one for its first).
    public var idleTimeout: Duration
    /// A response (or one live-reload event) the client does not read.
    public var writeTimeout: Duration
    /// Open connections; one more gets 503 at once and is closed.
    public var connections: Int

    public init(requestLine: Int = 8 * 1024, headerBlock: Int = 64 * 1024, headerFields: Int = 100, body: Int = 1024,
                headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(5),
                writeTimeout: Duration = .seconds(30), connections: Int = 4096) {
        self.requestLine = requestLine
        self.headerBlock = headerBlock
        self.headerFields = headerFields
        self.body = body
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.connections = connections
    }
}
