/// Reads a request head from the bytes a connection has received so far, in time linear in their
/// number: each call searches only the bytes it has not seen for line ends, and the limits are
/// checked as the bytes arrive, so an 8 KiB request line fails after 8 KiB, not after 10 MB.
///
/// ```swift
/// var parser = RequestParser(limits: ServerLimits())
/// buffer += bytesFromSocket
/// switch parser.parse(buffer) {
/// case .incomplete: // read more
/// case .request(let head, let consumed): // answer, drop `consumed` bytes, `parser.reset()`
/// case .rejected(let rejection): // send rejection.status, close
/// }
/// ```
public struct RequestParser: Sendable {
    public enum Outcome: Sendable, Equatable {
        case incomplete
        /// `consumed`: bytes of the head, the blank line included (the body follows them).
        case request(RequestHead, consumed: Int)
        case rejected(RequestRejection)
    }

    public let limits: ServerLimits
    /// Bytes of the buffer already searched for a line feed.
    private var scanned = 0
    private var lineStart = 0
    /// The request line, then each field line, without their line ends.
    private var lines: [Range<Int>] = []
    private var emptyLinesBefore = 0

    public init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Ready for the next request on the connection; its bytes start at offset 0 of the next buffer.
    public mutating func reset() {
        self = RequestParser(limits: limits)
    }

    /// `buffer` holds every byte received since the request began (earlier calls saw a prefix of it).
    public mutating func parse(_ buffer: [UInt8]) -> Outcome {
        while scanned < buffer.count {
            guard let lineFeed = buffer[scanned...].firstIndex(of: Byte.lineFeed) else {
                scanned = buffer.count
                break
            }
            scanned = lineFeed + 1
            var end = lineFeed
            if end > lineStart, buffer[end - 1] == Byte.carriageReturn { end -= 1 }
            let line = lineStart..<end
            lineStart = lineFeed + 1
            if lines.isEmpty {
                // RFC 9112 §2.2: a server should ignore empty lines before the request line.
                if line.isEmpty {
                    emptyLinesBefore += 1
                    if emptyLinesBefore > 8 { return .rejected(RequestRejection(400, "no request line")) }
                    continue
                }
                if line.count > limits.requestLine { return .rejected(Self.lineTooLong(limits)) }
                lines.append(line)
            } else if line.isEmpty {
                return finish(buffer, consumed: lineStart)
            } else {
                // Size before count: the same order the unfinished-line check below implies, so a
                // request gets the same answer however its bytes are split (found by the fuzzer).
                if lineStart - lines[0].upperBound > limits.headerBlock + 2 { return .rejected(Self.headerTooLarge(limits)) }
                if lines.count > limits.headerFields { return .rejected(Self.tooManyFields(limits)) }
                lines.append(line)
            }
        }
        // A line still arriving: refused as soon as it is sure to break a limit once it ends.
        let pending = buffer.count - lineStart
        if lines.isEmpty {
            // One byte more than the limit may be the carriage return of a line that is exactly at it.
            if pending > limits.requestLine + 1 { return .rejected(Self.lineTooLong(limits)) }
        } else if buffer.count - lines[0].upperBound > limits.headerBlock + 2,
                  pending > 1 || (pending == 1 && buffer[lineStart] != Byte.carriageReturn) {
            // (A lone carriage return may begin the blank line that ends the head.)
            return .rejected(Self.headerTooLarge(limits))
        }
        return .incomplete
    }

    private static func lineTooLong(_ limits: ServerLimits) -> RequestRejection {
        RequestRejection(414, "the request line is longer than \(limits.requestLine) bytes")
    }

    private static func headerTooLarge(_ limits: ServerLimits) -> RequestRejection {
        RequestRejection(431, "the header fields are larger than \(limits.headerBlock) bytes")
    }

    private static func tooManyFields(_ limits: ServerLimits) -> RequestRejection {
        RequestRejection(431, "more than \(limits.headerFields) header fields")
    }

    // MARK: The complete head

    private func finish(_ buffer: [UInt8], consumed: Int) -> Outcome {
        do {
            return .request(try Self.head(buffer, lines: lines, limits: limits), consumed: consumed)
        } catch {
            return .rejected(error)
        }
    }

    private static func head(_ buffer: [UInt8], lines: [Range<Int>], limits: ServerLimits) throws(RequestRejection) -> RequestHead {
        let requestLine = buffer[lines[0]]
        // method SP request-target SP HTTP-version, one space each (RFC 9112 §3).
        let parts = requestLine.split(separator: Byte.space, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].allSatisfy(Byte.isTokenCharacter) else {
            throw RequestRejection(400, "malformed request line")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        switch version {
        case "HTTP/1.1", "HTTP/1.0": break
        default:
            let shaped = parts[2].count == 8 && version.hasPrefix("HTTP/") && parts[2].enumerated().allSatisfy { index, byte in
                index < 5 || (index == 6 ? byte == UInt8(ascii: ".") : Byte.isDigit(byte))
            }
            throw shaped ? RequestRejection(505, "only HTTP/1.1 and HTTP/1.0 are supported")
                         : RequestRejection(400, "malformed request line")
        }
        guard parts[1].allSatisfy({ $0 > Byte.space && $0 < 0x7F && $0 != UInt8(ascii: "#") }) else {
            throw RequestRejection(400, "the request target has a character no URL may hold")
        }
        var (path, query, authority) = try target(parts[1], method: method)

        var fields: [RequestHead.Field] = []
        fields.reserveCapacity(lines.count - 1)
        var hosts = 0
        var contentLength: Int?
        var chunked = false
        var connection: [String] = []
        for line in lines.dropFirst() {
            let field = try Self.field(buffer[line])
            switch field.name {
            case "host":
                hosts += 1
                if authority == nil { authority = field.value }
            case "content-length":
                let length = try Self.contentLength(field.value)
                if let contentLength, contentLength != length {
                    throw RequestRejection(400, "two different Content-Length fields")
                }
                contentLength = length
            case "transfer-encoding":
                chunked = true
            case "connection":
                connection += field.value.lowercased().split(separator: ",").map { $0.trimmingASCIISpaces() }
            default:
                break
            }
            fields.append(field)
        }
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, never two.
        if hosts > 1 { throw RequestRejection(400, "more than one Host field") }
        if hosts == 0, version == "HTTP/1.1" { throw RequestRejection(400, "the Host field is missing") }
        if let host = authority, !host.isEmpty, HostAuthority(host) == nil {
            throw RequestRejection(400, "the Host is not a host name or address")
        }
        if chunked {
            if contentLength != nil { throw RequestRejection(400, "both Content-Length and Transfer-Encoding") }
            if version == "HTTP/1.0" { throw RequestRejection(400, "Transfer-Encoding in an HTTP/1.0 request") }
            throw RequestRejection(413, "request bodies are not accepted")
        }
        let bodyLength = contentLength ?? 0
        if bodyLength > limits.body { throw RequestRejection(413, "request bodies are not accepted") }
        let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        return RequestHead(method: method, version: version, path: path, query: query, authority: authority ?? "",
                           fields: fields, bodyLength: bodyLength, keepAlive: keepAlive)
    }

    /// Origin form `/path?query`, absolute form `http://host:port/path?query`, or `*` for OPTIONS.
    private static func target(_ bytes: ArraySlice<UInt8>, method: String) throws(RequestRejection)
        -> (path: String, query: String, authority: String?) {
        let text = String(decoding: bytes, as: UTF8.self)
        if text == "*" {
            guard method == "OPTIONS" else { throw RequestRejection(400, "'*' is a target for OPTIONS only") }
            return ("*", "", nil)
        }
        var rest = Substring(text)
        var authority: String?
        if !text.hasPrefix("/") {
            let lower = text.prefix(8).lowercased()
            let scheme = lower.hasPrefix("http://") ? 7 : lower.hasPrefix("https://") ? 8 : 0
            if scheme == 0 {
                if method == "CONNECT" { throw RequestRejection(405, "only GET and HEAD are supported") }
                throw RequestRejection(400, "the request target must be a path (/...) or an http:// URL")
            }
            rest = rest.dropFirst(scheme)
            let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            let named = rest[..<end]
            guard !named.isEmpty, !named.contains("@") else {
                throw RequestRejection(400, "the URL in the request line has no host, or has user information")
            }
            authority = String(named)
            rest = rest[end...]
        }
        let question = rest.firstIndex(of: "?")
        var path = String(rest[..<(question ?? rest.endIndex)])
        if path.isEmpty { path = "/" }
        let query = question.map { String(rest[rest.index(after: $0)...]) } ?? ""
        return (path, query, authority)
    }

    /// `name: value` with no space before the colon and no folded continuation (RFC 9112 §5).
    private static func field(_ line: ArraySlice<UInt8>) throws(RequestRejection) -> RequestHead.Field {
        guard let first = line.first, first != Byte.space, first != Byte.tab else {
            throw RequestRejection(400, "a folded header line (obsolete line folding is not accepted)")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy(Byte.isTokenCharacter) else {
            throw RequestRejection(400, "a malformed header line")
        }
        var value = line[line.index(after: colon)...]
        while let byte = value.first, byte == Byte.space || byte == Byte.tab { value = value.dropFirst() }
        while let byte = value.last, byte == Byte.space || byte == Byte.tab { value = value.dropLast() }
        guard value.allSatisfy({ $0 == Byte.tab || ($0 >= Byte.space && $0 != 0x7F) }) else {
            throw RequestRejection(400, "a control character in a header value")
        }
        let name = String(decoding: line[..<colon].map(Byte.lowercased), as: UTF8.self)
        return RequestHead.Field(name: name, value: String(decoding: value, as: UTF8.self))
    }

    private static func contentLength(_ value: String) throws(RequestRejection) -> Int {
        // A list of equal lengths (`5, 5`) is one length (RFC 9110 §8.6); anything else is an error.
        let items = value.split(separator: ",").map { $0.trimmingASCIISpaces() }
        guard let first = items.first, items.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 18,
              first.utf8.allSatisfy(Byte.isDigit), let length = Int(first) else {
            throw RequestRejection(400, "a malformed Content-Length")
        }
        return length
    }
}

/// The bytes the request grammar is made of.
enum Byte {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// RFC 9110 §5.6.2 `tchar`.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension Substring {
    func trimmingASCIISpaces() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
