import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberately dumb HTTP/1.1 client over a plain socket: it sends the request target exactly as
/// given (URLSession and curl would normalize `/../` and re-encode `%2e`), which the traversal
/// tests need. Every call is bounded by a receive timeout.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        subscript(header: String) -> String? { headers[header.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: UInt16

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> Response {
        var request = "\(method) \(target) HTTP/1.1\r\nConnection: close\r\n"
        if headers["Host"] == nil { request += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        return try exchange(request, isHead: method == "HEAD")
    }

    /// Sends `request` byte for byte and reads the one response until the server closes.
    func exchange(_ request: String, isHead: Bool = false, timeout: Int = 10) throws -> Response {
        let socket = try Self.connect(port: port, timeout: timeout)
        defer { close(socket) }
        try Self.send(socket, request)
        return try Self.parse(Self.readAll(socket), isHead: isHead)
    }

    /// Everything the server sends until it closes (or the receive timeout, which throws).
    static func readAll(_ socket: Int32) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else {
                if errno == ECONNRESET, !data.isEmpty { break }
                throw Failure(description: "no complete response (errno \(errno)) after \(data.count) bytes")
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    static func connect(port: UInt16, timeout: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to port \(port) (errno \(errno))")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            sent += count
        }
    }

    /// One response of a kept-alive connection, framed by its `Content-Length`; `pending` keeps
    /// what arrived of the next one.
    static func readOne(_ socket: Int32, pending: inout Data) throws -> Response {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = pending.range(of: Data("\r\n\r\n".utf8)) {
                let head = try parse(pending[pending.startIndex..<end.upperBound], isHead: true)
                let length = Int(head["Content-Length"] ?? "0") ?? 0
                if pending.distance(from: end.upperBound, to: pending.endIndex) >= length {
                    let bodyEnd = pending.index(end.upperBound, offsetBy: length)
                    var response = head
                    response.body = Data(pending[end.upperBound..<bodyEnd])
                    pending = Data(pending[bodyEnd...])
                    return response
                }
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(description: "connection ended before a whole response (errno \(errno))") }
            pending.append(contentsOf: buffer[0..<count])
        }
    }

    /// True when the server closed the connection within `seconds` (a read returns end of stream).
    static func closesWithin(_ socket: Int32, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) >= 0 else { return false }
            if descriptor.revents != 0 {
                let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
            }
        }
        return false
    }

    static func parse(_ data: Data, isHead: Bool) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no header end in \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
