@testable import DuetModel
import XCTest

/// A body read back from the build cache stays UTF-8 bytes until read as text: it must compare,
/// hash, digest and read exactly as the same body made from a String does, or a cached build
/// would write other bytes than a fresh one.
final class LazyBodyTests: XCTestCase {
    private let html = "<h2 id=\"a\">对话 · Dialogue</h2>\n<p>Track II 对话的第一天，双方从水资源谈起。</p>\n<img src=\"/images/x.png\" alt=\"\" />\n"

    func testABodyFromBytesIsTheBodyFromItsString() {
        let headings = [DocumentHeading(level: 2, text: "对话 · Dialogue", id: "a")]
        let text = ParsedDocument.Body(html: html, headings: headings)
        let bytes = ParsedDocument.Body(utf8: ArraySlice(Array(html.utf8)), headings: headings)
        XCTAssertEqual(bytes, text)
        XCTAssertEqual(bytes.hashValue, text.hashValue)
        var fromText = StableDigest(), fromBytes = StableDigest()
        text.combine(into: &fromText)
        bytes.combine(into: &fromBytes)
        XCTAssertEqual(fromBytes.value, fromText.value, "digested before being read as text")
        XCTAssertEqual(bytes.html, html)
        var again = StableDigest()
        bytes.combine(into: &again)
        XCTAssertEqual(again.value, fromText.value, "and after")
    }

    func testSettingTheHTMLForgetsTheMeasuredImages() {
        var body = ParsedDocument.Body(utf8: ArraySlice(Array(html.utf8)), headings: [])
        body.imageSources = ["/images/x.png"]
        body.html = "<p>No picture now.</p>"
        XCTAssertNil(body.imageSources)
        body.measuredDigest = 42
        body.html = "<p>Changed again.</p>"
        XCTAssertNil(body.measuredDigest, "a new text is digested afresh")
        body.measuredDigest = 42
        body.headings = [DocumentHeading(level: 2, text: "New", id: "new")]
        XCTAssertNil(body.measuredDigest, "so are new headings")
        var digest = StableDigest()
        body.combine(into: &digest)
        XCTAssertEqual(body.digest, digest.value)
        XCTAssertNotEqual(body, ParsedDocument.Body(html: html, headings: []))
    }
}
