import DuetServer
import Foundation
import XCTest

/// The request reader on its own: every limit, every malformed shape, and time linear in the size.
final class RequestParserTests: XCTestCase {
    private func parse(_ text: String, limits: ServerLimits = ServerLimits()) -> RequestParser.Outcome {
        var parser = RequestParser(limits: limits)
        return parser.parse(Array(text.utf8))
    }

    private func status(_ text: String, limits: ServerLimits = ServerLimits()) -> Int? {
        switch parse(text, limits: limits) {
        case .rejected(let rejection): return rejection.status
        case .request: return 200
        case .incomplete: return nil
        }
    }

    func testTheDefaultsAreTheDocumentedLimits() {
        let limits = ServerLimits()
        XCTAssertEqual(limits.requestLine, 8192)
        XCTAssertEqual(limits.headerBlock, 65_536)
        XCTAssertEqual(limits.headerFields, 100)
        XCTAssertEqual(limits.headerTimeout, .seconds(10))
        XCTAssertEqual(limits.idleTimeout, .seconds(5))
    }

    func testAnOriginFormRequestIsReadWithItsFields() throws {
        let text = "\r\nGET /en/about/?lang=en HTTP/1.1\r\nHost: LocalHost:4000\r\nIf-None-Match:  \"x\" \r\nConnection: close\r\n\r\nNEXT"
        guard case .request(let head, let consumed) = parse(text) else { return XCTFail("not parsed") }
        XCTAssertEqual(head.method, "GET")
        XCTAssertEqual(head.path, "/en/about/")
        XCTAssertEqual(head.query, "lang=en")
        XCTAssertEqual(head.authority, "LocalHost:4000")
        XCTAssertEqual(head["if-none-match"], "\"x\"", "value trimmed, name lowercased")
        XCTAssertFalse(head.keepAlive)
        XCTAssertEqual(consumed, text.utf8.count - 4, "the next request's bytes are left alone")
    }

    func testAnAbsoluteFormTargetGivesThePathAndTheAuthorityWins() throws {
        guard case .request(let head, _) = parse("GET HTTP://127.0.0.1:4000/en/?q=1 HTTP/1.1\r\nHost: other.example\r\n\r\n") else {
            return XCTFail("absolute form refused")
        }
        XCTAssertEqual(head.path, "/en/")
        XCTAssertEqual(head.query, "q=1")
        XCTAssertEqual(head.authority, "127.0.0.1:4000", "RFC 9112 §3.2.2: the target's authority, not Host")
        guard case .request(let bare, _) = parse("GET http://localhost:4000 HTTP/1.1\r\nHost: localhost\r\n\r\n") else {
            return XCTFail("absolute form without a path refused")
        }
        XCTAssertEqual(bare.path, "/")
        XCTAssertEqual(status("GET http://user@localhost/ HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400)
        XCTAssertEqual(status("GET ftp://localhost/ HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400)
    }

    func testMalformedRequestsAre400AndOtherVersions505() {
        for text in ["HELLO\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n",
                     "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.x\r\nHost: a\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n",
                     "GET /\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", "GET /é HTTP/1.1\r\nHost: a\r\n\r\n", "GET /#x HTTP/1.1\r\nHost: a\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost: a\r\nX-Folded: a\r\n  b\r\n\r\n", "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "GET / HTTP/1.1\r\nHost: a:99999\r\n\r\n", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n"] {
            XCTAssertEqual(status(text), 400, text.debugDescription)
        }
        XCTAssertEqual(status("GET / HTTP/2.0\r\nHost: a\r\n\r\n"), 505)
        XCTAssertEqual(status("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 405)
        XCTAssertEqual(status("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"), 200, "asterisk form is read (the handler answers 405)")
        XCTAssertEqual(status("get / HTTP/1.1\r\nHost: a\r\n\r\n"), 200, "methods are case-sensitive tokens, answered 405 later")
    }

    func testHostMustAppearExactlyOnceInHTTP11() {
        XCTAssertEqual(status("GET / HTTP/1.1\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nhost: 127.0.0.1\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.0\r\n\r\n"), 200, "HTTP/1.0 may leave it out")
    }

    func testBodiesAreRefusedBeyondASmallBoundAndFramingMustBeUnambiguous() throws {
        guard case .request(let head, _) = parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n") else { return XCTFail() }
        XCTAssertEqual(head.bodyLength, 10, "a small body is read and dropped")
        XCTAssertEqual(status("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1025\r\n\r\n"), 413)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"), 413)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\n"), 200)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -3\r\n\r\n"), 400)
    }

    func testTheRequestLineLimitIsCheckedBeforeTheLineEnds() {
        let limits = ServerLimits()
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: limits.requestLine - 15) + " HTTP/1.1\r\nHost: a\r\n\r\n"), 200)
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: limits.requestLine) + " HTTP/1.1\r\nHost: a\r\n\r\n"), 414)
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: limits.requestLine)), 414, "no line end needed")
        XCTAssertNil(status("GET /" + String(repeating: "a", count: 100)), "still arriving")
    }

    func testHeaderBlockAndFieldCountLimitsGive431() {
        let limits = ServerLimits()
        let many = (0..<limits.headerFields).map { "X-\($0): 1\r\n" }.joined()
        XCTAssertEqual(status("GET / HTTP/1.1\r\n" + many + "\r\n"), 400, "100 fields are read (this one has no Host)")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n"), 431)
        let big = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: limits.headerBlock)
        XCTAssertEqual(status(big), 431, "refused while still arriving")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: limits.headerBlock - 100) + "\r\n\r\n"), 200)
    }

    /// FlyingFox 0.27.1 took 0.08 / 0.33 / 1.32 / 5.19 s for 12.8 / 25.6 / 51.2 / 102.4 KB of header:
    /// quadratic. Here four times the bytes take about four times as long, fed in small pieces as a
    /// slow network delivers them.
    func testParsingTimeIsLinearInTheSize() {
        func seconds(fields: Int) -> Double {
            let limits = ServerLimits(headerBlock: 1 << 30, headerFields: 1 << 20)
            let text = Array(("GET / HTTP/1.1\r\nHost: a\r\n" + (0..<fields).map { "X-Field-\($0): some value\r\n" }.joined() + "\r\n").utf8)
            let started = ContinuousClock.now
            var parser = RequestParser(limits: limits)
            var buffer: [UInt8] = []
            var outcome = RequestParser.Outcome.incomplete
            while outcome == .incomplete, buffer.count < text.count {
                buffer += text[buffer.count..<min(text.count, buffer.count + 256)]
                outcome = parser.parse(buffer)
            }
            if case .request = outcome {} else { XCTFail("not parsed: \(outcome)") }
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        }
        // The fastest of three runs each, so a busy machine does not decide the ratio.
        _ = seconds(fields: 500)
        let small = (0..<3).map { _ in seconds(fields: 2_000) }.min() ?? 0
        let large = (0..<3).map { _ in seconds(fields: 8_000) }.min() ?? 0
        XCTAssertLessThan(large, 1.5, "8,000 fields (about 220 KB)")
        XCTAssertLessThan(large / max(small, 1e-4), 9, "4x the bytes took \(large / small)x the time (quadratic: 16x)")
    }

    /// Inputs `scripts/fuzz-serve` found (Tests/Fixtures/serve/fuzz/), each with the fuzzer's small
    /// limits: a request gets the same answer whether it arrives whole or a few bytes at a time.
    func testFuzzFindingsGetTheSameAnswerHoweverTheyArrive() throws {
        let limits = ServerLimits(requestLine: 256, headerBlock: 1024, headerFields: 12, body: 64)
        let folder = ServedSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/serve/fuzz")
        let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        XCTAssertFalse(inputs.isEmpty)
        for input in inputs {
            let bytes = [UInt8](try Data(contentsOf: input))
            var whole = RequestParser(limits: limits)
            let expected = whole.parse(bytes)
            for step in 1...7 {
                var parser = RequestParser(limits: limits)
                var buffer: [UInt8] = []
                var outcome = RequestParser.Outcome.incomplete
                while outcome == .incomplete, buffer.count < bytes.count {
                    buffer += bytes[buffer.count..<min(bytes.count, buffer.count + step)]
                    outcome = parser.parse(buffer)
                }
                XCTAssertEqual(outcome, expected, "\(input.lastPathComponent) in pieces of \(step)")
            }
        }
    }

    func testALoneCarriageReturnAtTheLimitMayStillEndTheHead() {
        let limits = ServerLimits(headerBlock: 40)
        let head = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: \(String(repeating: "p", count: 22))\r\n\r\n".utf8)
        var whole = RequestParser(limits: limits)
        guard case .request = whole.parse(head) else { return XCTFail("a head within the limit was refused") }
        var arriving = RequestParser(limits: limits)
        XCTAssertEqual(arriving.parse(Array(head.dropLast())), .incomplete, "the final CR alone is not over the limit")
        guard case .request = arriving.parse(head) else { return XCTFail("refused once whole") }
    }
}
