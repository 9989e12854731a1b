import DuetCheck
import DuetModel
import XCTest

/// Where a finding is reported: the Markdown that wrote the URL, else the template that
/// hard-codes it, else the output page itself.
final class FindingLocatorTests: XCTestCase {
    private let locator = FindingLocator(
        sourceOfOutput: ["zh/2025/river/index.html": "content/posts/zh/2025-03-04-river.md"],
        sourceText: ["content/posts/zh/2025-03-04-river.md": "---\ntitle: 河\n---\n\n见[旧版页面](/zh/%E6%97%A7/)和[说明](/zh/notes/?a=1&b=2)。\n"],
        templateText: ["themes/default/partials/base.mustache": "<head>\n  <script src=\"https://cdn.example.net/a.js\"></script>\n"],
        outputDisplay: "_site/")

    private func location(_ needle: String?, page: String = "zh/2025/river/index.html") -> String {
        locator.diagnostic(for: PageFinding(.error, "x", page: page, line: 30, column: 7, needle: needle)).location.description
    }

    func testMarkdownFirstInAnySpellingOfTheURL() {
        XCTAssertEqual(location("/zh/%E6%97%A7/"), "content/posts/zh/2025-03-04-river.md:5:9")
        XCTAssertEqual(location("/zh/notes/?a=1&b=2"), "content/posts/zh/2025-03-04-river.md:5:30")
    }

    func testThenTheTemplateThenTheOutputFile() {
        XCTAssertEqual(location("https://cdn.example.net/a.js"), "themes/default/partials/base.mustache:2:16")
        XCTAssertEqual(location("/zh/issues/"), "_site/zh/2025/river/index.html:30:7")
        XCTAssertEqual(location(nil, page: "index.html"), "_site/index.html:30:7")
    }

    func testAPathInsideALongerPathIsNotTakenForIt() {
        XCTAssertEqual(location("/notes/"), "_site/zh/2025/river/index.html:30:7")
    }
}
