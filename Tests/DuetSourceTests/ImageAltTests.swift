import DuetModel
@testable import DuetSource
import XCTest

/// Images without alt text are warnings at their own line and column.
final class ImageAltTests: XCTestCase {
    func testMarkdownAndHTMLImagesWithoutAltAreWarnedAtTheirLine() throws {
        let text = "---\ntitle: Maps\n---\n\nA map: ![](/images/map.svg)\n\n![Harbour at dawn](/images/harbour.svg)\n\n<img src=\"/x.png\">\n<img alt=\"Ships\" src=\"/y.png\">\n"
        let (_, warnings) = try XCTUnwrap(parsed(sourceFile(text)))
        XCTAssertEqual(warnings.map(\.description), [
            "content/posts/en/2025-01-15-harbour-talks.md:5:8: warning: image without alt text: describe it for readers who cannot see it",
            "content/posts/en/2025-01-15-harbour-talks.md:9:1: warning: image without alt text: describe it for readers who cannot see it",
        ])
    }
}
