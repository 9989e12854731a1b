/// A request line and its header fields, checked: what the preview needs to answer, and nothing
/// that could be read two ways (one `Host`, one body length, no folded lines).
public struct RequestHead: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        /// Lowercased ASCII (`if-none-match`).
        public var name: String
        public var value: String
    }

    public var method: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// The target's path, still percent-encoded (`/en/%E8%91%A3/`); `*` for `OPTIONS *`.
    public var path: String
    /// What follows `?`, or "".
    public var query: String
    /// Whom the request is for: the authority of an absolute-form target, else the `Host` field
    /// (RFC 9112 §3.2.2); "" when an HTTP/1.0 request names none.
    public var authority: String
    public var fields: [Field]
    /// Body bytes that follow the head (`Content-Length`), to be read and dropped.
    public var bodyLength: Int
    /// False after `Connection: close`, and for HTTP/1.0 without `Connection: keep-alive`.
    public var keepAlive: Bool

    /// The first value of a field, by its lowercase name.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}

/// Why a request is answered with an error and the connection closed: its status and a line for
/// the person (or the tool) that sent it.
public struct RequestRejection: Error, Sendable, Equatable {
    public var status: Int
    public var reason: String

    public init(_ status: Int, _ reason: String) {
        self.status = status
        self.reason = reason
    }
}
