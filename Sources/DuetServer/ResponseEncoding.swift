import FlyingFox
import Foundation

/// The bytes of a response head: status line, the handler's fields, and the framing fields this
/// server owns (`Content-Length` or chunked, `Connection`).
enum ResponseEncoding {
    static func head(_ response: HTTPResponse, bodyCount: Int?, close: Bool, version: String) -> Data {
        let code = response.statusCode.code
        var text = "HTTP/1.1 \(code) \(response.statusCode.phrase)\r\n"
        var hasLength = false
        for (name, value) in response.headers {
            let lower = name.rawValue.lowercased()
            if lower == "connection" || lower == "transfer-encoding" { continue }
            if lower == "content-length" { hasLength = true }
            text += "\(name.rawValue): \(value)\r\n"
        }
        // 1xx, 204 and 304 carry no body and no length of one (RFC 9110 §8.6).
        let bodiless = code < 200 || code == 204 || code == 304
        if !bodiless, !hasLength {
            text += bodyCount.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n"
        }
        if close {
            text += "Connection: close\r\n"
        } else if version == "HTTP/1.0" {
            text += "Connection: keep-alive\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    /// An error answered by the server itself (limits, malformed requests, refused hosts): one line
    /// of text, and the connection closes after it.
    static func plain(_ status: Int, _ message: String, extra: [(String, String)] = []) -> Data {
        let body = message.hasSuffix("\n") ? message : message + "\n"
        var text = "HTTP/1.1 \(status) \(phrase(status))\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Cache-Control: no-cache\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        for (name, value) in extra { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n" + body).utf8)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 421: return "Misdirected Request"
        case 431: return "Request Header Fields Too Large"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Error"
        }
    }

    static func chunk(_ data: Data) -> Data {
        var framed = Data(String(data.count, radix: 16).utf8)
        framed.append(contentsOf: [13, 10])
        framed.append(data)
        framed.append(contentsOf: [13, 10])
        return framed
    }

    static let lastChunk = Data("0\r\n\r\n".utf8)
}
