import DuetModel
@testable import DuetSource
import Foundation
import XCTest

final class ExcerptTests: XCTestCase {
    func testDefaultSeparatorGivesTheFirstParagraph() throws {
        let text = "---\ntitle: Default Excerpt\n---\n\nThe opening *paragraph* of the review.\n\nA second paragraph.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>The opening <em>paragraph</em> of the review.</p>\n")
        XCTAssertTrue(document.bodyHTML.contains("<p>A second paragraph.</p>"))
    }

    func testCustomSeparatorEndsTheExcerptAndIsRemovedFromTheBody() throws {
        let text = """
        ---
        title: Custom Separator
        excerpt_separator: <excerpt/>
        ---
        A lead about **fisheries** talks.

        <excerpt/>
        Everything after the marker is *Markdown* too.

        Closing line.
        """
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>A lead about <strong>fisheries</strong> talks.</p>\n")
        XCTAssertFalse(document.bodyHTML.contains("excerpt/"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>Everything after the marker is <em>Markdown</em> too.</p>"),
                      document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>Closing line.</p>"))
    }

    func testHeadingRightAfterCustomSeparatorStillRendersAsAHeading() throws {
        let text = "---\nexcerpt_separator: <excerpt/>\n---\nShort lead.\n\n<excerpt/>\n## What Changed\n\nDetails.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>Short lead.</p>\n")
        XCTAssertTrue(document.bodyHTML.contains("<h2 id=\"what-changed\">What Changed</h2>"), document.bodyHTML)
        XCTAssertEqual(document.headings.map(\.text), ["What Changed"])
        XCTAssertFalse(document.bodyHTML.contains("<excerpt/>"))
    }

    func testMoreCommentIsASeparatorWithoutConfiguration() throws {
        let text = "---\ntitle: More\n---\nFirst paragraph.\n\nSecond, still the lead.\n<!-- more -->\nThe rest.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>First paragraph.</p>\n<p>Second, still the lead.</p>\n")
        XCTAssertFalse(document.bodyHTML.contains("more"))
        XCTAssertTrue(document.bodyHTML.contains("<p>The rest.</p>"))
    }

    func testSeparatorFromSiteConfigApplies() throws {
        let config = SiteConfig(excerptSeparator: "<!--more-->")
        let text = "---\ntitle: Site Separator\n---\nFirst part.\nStill the lead.\n\n<!--more-->\n\nRest.\n"
        let document = try XCTUnwrap(parsedDocument(text, config: config))
        XCTAssertEqual(document.excerptHTML, "<p>First part.\nStill the lead.</p>\n")
        XCTAssertTrue(document.bodyHTML.contains("<p>Rest.</p>"))
    }

    func testMissingSeparatorMakesTheWholePostTheExcerpt() throws {
        let text = "---\nexcerpt_separator: <excerpt/>\n---\nOne paragraph.\n\nAnother paragraph.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>One paragraph.</p>\n<p>Another paragraph.</p>\n")
        XCTAssertEqual(document.excerptHTML, document.bodyHTML)
    }

    func testLinkReferenceDefinitionsAtTheEndResolveInTheExcerpt() throws {
        let text = """
        ---
        title: References
        ---
        Read [the communiqué][memo] and the [annex].

        Later discussion.

        [memo]: https://example.org/memo "The memo"
        [annex]: https://example.org/annex
        """
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertTrue(document.excerptHTML.contains("<a href=\"https://example.org/memo\" title=\"The memo\">the communiqué</a>"),
                      document.excerptHTML)
        XCTAssertTrue(document.excerptHTML.contains("<a href=\"https://example.org/annex\">annex</a>"), document.excerptHTML)
        XCTAssertFalse(document.excerptHTML.contains("Later discussion"))
    }

    func testExplicitExcerptKeyWins() throws {
        let text = "---\nexcerpt: \"A *hand-written* summary: short.\"\n---\nThe body's first paragraph.\n\nMore.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "<p>A <em>hand-written</em> summary: short.</p>\n")
    }

    func testEmptySeparatorMeansNoExcerpt() throws {
        let text = "---\nexcerpt_separator: \"\"\n---\nA paragraph.\n\nAnother.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.excerptHTML, "")
        XCTAssertEqual(document.bodyHTML, "<p>A paragraph.</p>\n<p>Another.</p>\n")
    }
}
