@testable import DuetModel
import Synchronization
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

    /// A body left in the store is read once, by whichever read comes first, and is then the
    /// body made from its String; a store that fails it gives an empty body (the build, told by
    /// the loader, throws that render away).
    func testAStoredBodyIsReadOnceOnFirstUseAndIsTheBodyFromItsString() {
        let headings = [DocumentHeading(level: 2, text: "对话 · Dialogue", id: "a")]
        let reads = Mutex(0)
        let bytes = ArraySlice(Array(html.utf8))
        let stored = ParsedDocument.Body(loading: { reads.withLock { $0 += 1 }; return bytes }, headings: headings)
        let copy = stored
        XCTAssertEqual(copy.headings, headings)
        XCTAssertEqual(reads.withLock { $0 }, 0, "not read until something reads it")
        let text = ParsedDocument.Body(html: html, headings: headings)
        var fromText = StableDigest(), fromStore = StableDigest()
        text.combine(into: &fromText)
        stored.combine(into: &fromStore)
        XCTAssertEqual(fromStore.value, fromText.value)
        XCTAssertEqual(copy, text)
        XCTAssertEqual(copy.hashValue, text.hashValue)
        XCTAssertEqual(stored.html, html)
        XCTAssertEqual(reads.withLock { $0 }, 1, "read once, shared by its copies")
        let failed = ParsedDocument.Body(loading: { nil }, headings: [])
        XCTAssertEqual(failed.html, "")
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
