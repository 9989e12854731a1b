import DuetModel
import Foundation
import XCTest

/// The JSON string literals of the pages' JSON-LD and the citation files.
final class JSONStringTests: XCTestCase {
    func testPlainTextIsQuotedAsItIs() {
        XCTAssertEqual("刘雨桐: A Quarterly Note".jsonQuoted, "\"刘雨桐: A Quarterly Note\"")
        XCTAssertEqual("".jsonQuoted, "\"\"")
    }

    func testQuotesBackslashesControlsAndTagsAreEscaped() {
        XCTAssertEqual("say \"hi\" \\ <b>".jsonQuoted, #""say \"hi\" \\ \u003cb>""#)
        XCTAssertEqual("a\nb\rc\td\u{1}e\u{1F}".jsonQuoted, #""a\nb\rc\td\u0001e\u001f""#)
        XCTAssertEqual("讨论<script>“引号”".jsonQuoted, #""讨论\u003cscript>“引号”""#)
    }

    func testTheLiteralDecodesToTheText() throws {
        for text in ["</script><!-- 注释 -->", "tab\tand \"quote\" \u{7}", "é\u{301} 𝄞 \\n"] {
            let data = Data(("[" + text.jsonQuoted + "]").utf8)
            XCTAssertEqual(try JSONSerialization.jsonObject(with: data) as? [String], [text])
        }
    }
}
