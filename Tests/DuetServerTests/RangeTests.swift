import DuetServer
import Foundation
import XCTest

/// `Range: bytes=...` as audio, video and PDF viewers send it to seek.
final class RangeTests: XCTestCase {
    func testASingleRangeGets206AndTheRestOfTheRulesHold() throws {
        let site = try servedSite()
        let whole = Data(try site.read("static/files/note.txt").utf8)
        XCTAssertGreaterThan(whole.count, 12)
        let full = try site.http.get("/files/note.txt")
        XCTAssertEqual(full.status, 200)
        XCTAssertEqual(full["Accept-Ranges"], "bytes")

        let start = try site.http.get("/files/note.txt", headers: ["Range": "bytes=0-10"])
        XCTAssertEqual(start.status, 206)
        XCTAssertEqual(start["Content-Range"], "bytes 0-10/\(whole.count)")
        XCTAssertEqual(start.body, whole.prefix(11))
        XCTAssertEqual(start["Content-Length"], "11")

        let tail = try site.http.get("/files/note.txt", headers: ["Range": "bytes=-5"])
        XCTAssertEqual(tail.status, 206)
        XCTAssertEqual(tail.body, whole.suffix(5))
        let open = try site.http.get("/files/note.txt", headers: ["Range": "bytes=3-"])
        XCTAssertEqual(open.body, whole.dropFirst(3))
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "bytes=2-999999"]).body, whole.dropFirst(2), "clamped")

        let past = try site.http.get("/files/note.txt", headers: ["Range": "bytes=\(whole.count)-"])
        XCTAssertEqual(past.status, 416)
        XCTAssertEqual(past["Content-Range"], "bytes */\(whole.count)")

        let several = try site.http.get("/files/note.txt", headers: ["Range": "bytes=0-1,4-5"])
        XCTAssertEqual(several.status, 200, "a list of ranges gets the whole file")
        XCTAssertEqual(several.body, whole)
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "bytes=5-2"]).status, 200, "an invalid range is ignored")
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "lines=1-2"]).status, 200)

        let tag = try XCTUnwrap(full["ETag"])
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "bytes=0-1", "If-Range": tag]).status, 206)
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "bytes=0-1", "If-Range": "\"old\""]).status, 200,
                       "the file changed since: the whole of it")
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["Range": "bytes=0-1", "If-None-Match": tag]).status, 304)

        let head = try site.http.get("/files/note.txt", method: "HEAD", headers: ["Range": "bytes=0-3"])
        XCTAssertEqual(head.status, 206)
        XCTAssertEqual(head["Content-Length"], "4")
        XCTAssertTrue(head.body.isEmpty)
    }
}
