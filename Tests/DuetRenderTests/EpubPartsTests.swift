@testable import DuetRender
import XCTest

/// The pieces of an issue EPUB that must match outside definitions: UUIDv5 (RFC 4122, the same
/// value Python's `uuid.uuid5(uuid.NAMESPACE_URL, ...)` gives) and XHTML that an XML parser accepts.
final class EpubPartsTests: XCTestCase {
    func testIdentifierIsTheVersion5UUIDOfTheIssueURL() {
        XCTAssertEqual(NameBasedUUID.urn(forURL: "http://python.org/"), "urn:uuid:4c565f0d-3f5a-5890-b41b-20cf47701c5e")
        XCTAssertEqual(NameBasedUUID.urn(forURL: "https://duet-review.example.org/en/issues/2025-q1/"),
                       "urn:uuid:f3e1aa12-634a-56a3-ad0c-883a3c79efe0")
    }

    func testHTMLBecomesWellFormedXHTML() {
        XCTAssertEqual(XHTMLConverter.convert(#"<p>A<br>B &nbsp;&copy; &unknown; & <img src=x.png alt='a &amp; b'></p>"#),
                       #"<p>A<br />B &#160;&#169; &amp;unknown; &amp; <img src="x.png" alt="a &amp; b" /></p>"#)
        XCTAssertEqual(XHTMLConverter.convert(#"<td align="right" style="color: red">1</td><input disabled><hr/></br>"#),
                       #"<td style="color: red; text-align: right">1</td><input disabled="" /><hr />"#)
        XCTAssertEqual(XHTMLConverter.convert("<!-- a -- b -->1 < 2"), "<!-- a - - b -->1 &lt; 2")
        XCTAssertEqual(XHTMLConverter.convert(#"<p><img src="/gone.svg" alt="Chart"></p>"#) { _, _ in nil }, "<p>Chart</p>")
    }
}
