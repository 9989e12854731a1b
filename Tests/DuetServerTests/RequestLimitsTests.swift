import DuetServer
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The limits of `ServerLimits` on the real server, over raw sockets: each refusal names itself,
/// and the server goes on answering everyone else.
final class RequestLimitsTests: XCTestCase {
    func testOversizedRequestLineHeadersAndBodiesGetTheirStatus() throws {
        let site = try servedSite()
        let http = site.http
        let host = "Host: 127.0.0.1:\(site.port)\r\n"
        let longLine = try http.exchange("GET /" + String(repeating: "a", count: 9 * 1024) + " HTTP/1.1\r\n" + host + "\r\n")
        XCTAssertEqual(longLine.status, 414)
        XCTAssertTrue(longLine.text.contains("8192 bytes"), longLine.text)

        let bigHeader = try http.exchange("GET /en/ HTTP/1.1\r\n" + host + "X-Big: " + String(repeating: "b", count: 70 * 1024) + "\r\n\r\n")
        XCTAssertEqual(bigHeader.status, 431)
        let manyFields = try http.exchange("GET /en/ HTTP/1.1\r\n" + host + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n")
        XCTAssertEqual(manyFields.status, 431)
        XCTAssertTrue(manyFields.text.contains("100 header fields"), manyFields.text)

        let body = try http.exchange("POST /en/ HTTP/1.1\r\n" + host + "Content-Length: 5000\r\n\r\n" + String(repeating: "c", count: 5000))
        XCTAssertEqual(body.status, 413)
        let chunked = try http.exchange("GET /en/ HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        XCTAssertEqual(chunked.status, 413)

        let smallBody = try http.exchange("GET /files/note.txt HTTP/1.1\r\n" + host + "Content-Length: 5\r\nConnection: close\r\n\r\nhello")
        XCTAssertEqual(smallBody.status, 200, "a small body is read and dropped")
        XCTAssertEqual(smallBody.text, try site.read("static/files/note.txt"))
        XCTAssertEqual(try http.get("/en/").status, 200, "and the server answers as before")
    }

    func testGarbageAndMalformedRequestsGet400() throws {
        let site = try servedSite()
        for request in ["HELLO\r\n\r\n", "GET /en/\r\n\r\n", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n b\r\n\r\n",
                        "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\r\n\r\n", "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: x\r\n\r\n"] {
            let answer = try site.http.exchange(request)
            XCTAssertEqual(answer.status, 400, request.debugDescription)
            XCTAssertEqual(answer["Connection"], "close")
        }
        XCTAssertEqual(try site.http.exchange("GET / HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n").status, 505)
        XCTAssertEqual(try site.http.exchange("get /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").status, 405)
    }

    func testASlowSenderIsCutOffAtTheHeaderTimeOut() throws {
        let site = try servedSite(limits: ServerLimits(headerTimeout: .seconds(1)))
        let socket = try RawHTTP.connect(port: site.port, timeout: 5)
        defer { close(socket) }
        let started = Date()
        try RawHTTP.send(socket, "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        var closed = false
        // One header byte every 200 ms: always "making progress", never finishing.
        for _ in 0..<20 where !closed {
            _ = try? RawHTTP.send(socket, "X")
            closed = RawHTTP.closesWithin(socket, seconds: 0.2)
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(closed, "still open after \(elapsed) s")
        XCTAssertGreaterThan(elapsed, 0.8)
        XCTAssertLessThan(elapsed, 2.5)
    }

    func testAnIdleKeptAliveConnectionIsClosedAndPipelinedRequestsAreAnswered() throws {
        let site = try servedSite(limits: ServerLimits(idleTimeout: .milliseconds(500)))
        let socket = try RawHTTP.connect(port: site.port, timeout: 5)
        defer { close(socket) }
        let request = "GET /files/note.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        try RawHTTP.send(socket, request + request)
        var pending = Data()
        let first = try RawHTTP.readOne(socket, pending: &pending)
        let second = try RawHTTP.readOne(socket, pending: &pending)
        XCTAssertEqual([first.status, second.status], [200, 200])
        XCTAssertEqual(first.body, second.body)
        XCTAssertNil(first["Connection"], "kept alive")
        let started = Date()
        XCTAssertTrue(RawHTTP.closesWithin(socket, seconds: 3))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
    }

    func testBeyondTheConnectionCapA503ComesAtOnce() throws {
        let site = try servedSite(limits: ServerLimits(connections: 3))
        let idle = try (0..<3).map { _ in try RawHTTP.connect(port: site.port, timeout: 5) }
        defer { idle.forEach { close($0) } }
        let deadline = Date().addingTimeInterval(2)
        while site.server.openConnections < 3, Date() < deadline { usleep(10_000) }
        let started = Date()
        let refused = try site.http.get("/en/")
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused["Retry-After"], "1")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        idle.forEach { shutdown($0, Int32(SHUT_RDWR)) }
        var status = 0
        for _ in 0..<100 where status != 200 {
            status = (try? site.http.get("/en/").status) ?? 0
            usleep(20_000)
        }
        XCTAssertEqual(status, 200, "a freed place is used again")
    }
}
