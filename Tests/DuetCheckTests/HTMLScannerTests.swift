import DuetCheck
import XCTest

/// The tag scanner: what a browser would see as tags and attributes, and nothing inside
/// comments, scripts or styles.
final class HTMLScannerTests: XCTestCase {
    func testAttributesInEveryQuotingStyleAreDecoded() {
        let page = HTMLScanner.scan(#"<p><a href="/a?x=1&amp;y=2" title='it&#39;s "here"' data-n=3 hidden>x</a><IMG SRC=/b.png ALT="">"#)
        XCTAssertEqual(page.tags.map(\.name), ["p", "a", "img"])
        let link = page.tags[1]
        XCTAssertEqual(link["href"], "/a?x=1&y=2")
        XCTAssertEqual(link["title"], #"it's "here""#)
        XCTAssertEqual(link["data-n"], "3")
        XCTAssertEqual(link["hidden"], "")
        XCTAssertEqual(page.tags[2]["src"], "/b.png")
        XCTAssertEqual(page.tags[2]["alt"], "")
    }

    func testCommentsScriptsAndStylesHideTheirContents() {
        let html = """
            <!-- <img src="commented.png"> -->
            <script>if (a <b) { document.write('<img src="scripted.png">') }</script>
            <style>a[href="<x>"] { color: red }</style>
            <title>Tom &amp; Jerry <em>not a tag</em></title>
            <img src="real.png" alt="A real image">
            """
        let page = HTMLScanner.scan(html)
        XCTAssertEqual(page.tags.map(\.name), ["script", "style", "title", "img"])
        XCTAssertEqual(page.tags.last?["src"], "real.png")
        XCTAssertEqual(page.title, "Tom & Jerry <em>not a tag</em>")
    }

    func testPositionsCountLinesAndCharactersNotBytes() {
        let page = HTMLScanner.scan("<p>\n中文段落<a href=\"#x\">链接</a>\n  <img src=a.png>")
        XCTAssertEqual(page.tags.map { "\($0.name)@\($0.line):\($0.column)" }, ["p@1:1", "a@2:5", "img@3:3"])
    }

    func testBrokenMarkupNeverStopsTheScan() {
        let page = HTMLScanner.scan(#"<a href="/unterminated><img src="/x.png" alt="x"> <p"#)
        XCTAssertEqual(page.tags.first?.name, "a")
        XCTAssertNil(page.title)
        XCTAssertEqual(HTMLScanner.scan("").tags.count, 0)
        XCTAssertEqual(HTMLScanner.scan("< 3 > 2 <").tags.count, 0)
    }
}
