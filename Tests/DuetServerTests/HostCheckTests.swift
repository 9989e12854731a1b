import DuetServer
import Foundation
import XCTest

/// DNS rebinding: the preview answers only to the exact names of this machine.
final class HostCheckTests: XCTestCase {
    func testRebindingNamesAreRefusedOnEveryPathWithAOneLineExplanation() throws {
        let site = try servedSite()
        let port = site.port
        let foreign = ["127.attacker.example:\(port)", "127.0.0.1.evil.example:\(port)", "127.0.0.1evil.com", "localhost.evil.example",
                       "localhost.:\(port)", "attacker.example", "127.0.0.2:\(port)", "[::2]:\(port)", "evil-localhost"]
        for name in foreign {
            for path in ["/en/", "/__duet/events", "/status/", "/files/note.txt"] {
                let answer = try site.http.get(path, headers: ["Host": name])
                XCTAssertEqual(answer.status, 403, "\(name) \(path)")
                XCTAssertEqual(answer.text.split(separator: "\n").count, 1, answer.text)
                XCTAssertTrue(answer.text.contains("--allow-host"), answer.text)
                XCTAssertFalse(answer.text.contains("<html"), "nothing of the site")
            }
        }
        for name in ["127.0.0.1", "127.0.0.1:\(port)", "localhost", "LOCALHOST:\(port)", "[::1]", "[::1]:\(port)"] {
            XCTAssertEqual(try site.http.get("/en/", headers: ["Host": name]).status, 200, name)
        }
    }

    func testTwoHostFieldsOrNoneAre400() throws {
        let site = try servedSite()
        let port = site.port
        let twice = try site.http.exchange("GET /en/ HTTP/1.1\r\nHost: attacker.example\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        XCTAssertEqual(twice.status, 400)
        XCTAssertTrue(twice.text.contains("Host"), twice.text)
        XCTAssertEqual(try site.http.exchange("GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n").status, 400)
    }

    func testAbsoluteFormIsAnsweredAndItsHostIsTheOneChecked() throws {
        let site = try servedSite()
        let port = site.port
        let page = try site.http.exchange("GET http://127.0.0.1:\(port)/en/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<html"))
        let redirect = try site.http.exchange("GET HTTP://LOCALHOST:\(port)/en/about?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect["Location"], "/en/about/?x=1")
        let smuggled = try site.http.exchange("GET http://attacker.example/en/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        XCTAssertEqual(smuggled.status, 403, "the URL's host wins over Host (RFC 9112 §3.2.2)")
    }

    func testAllowHostAddsExactlyThatName() throws {
        let site = try servedSite(allowedHosts: ["Preview.Example.test"])
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "preview.example.test:\(site.port)"]).status, 200)
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "x.preview.example.test"]).status, 403)
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "localhost"]).status, 200)
    }

    func testBeyondLoopbackTheMachineNamesAndAddressesAreAccepted() {
        let policy = HostPolicy(listeningOn: "0.0.0.0", allowed: ["preview.test"],
                                machine: ["studio", "studio.local", "192.168.1.20", "fe80::1"])
        for name in ["192.168.1.20:4000", "studio", "STUDIO.local:4000", "[fe80::1]:4000", "preview.test", "localhost", "[::1]"] {
            XCTAssertTrue(policy.accepts(name), name)
        }
        for name in ["0.0.0.0", "studio.evil.example", "192.168.1.200", "192.168.1.20.evil.example", "", "[::]"] {
            XCTAssertFalse(policy.accepts(name), name)
        }
        let loopback = HostPolicy(listeningOn: "127.0.0.1", allowed: [], machine: ["studio"])
        XCTAssertFalse(loopback.accepts("studio"), "on loopback, the machine's network names are not needed")
        XCTAssertTrue(HostPolicy(listeningOn: "127.0.0.2", allowed: [], machine: []).accepts("127.0.0.2:4000"), "what --host names")
    }
}
