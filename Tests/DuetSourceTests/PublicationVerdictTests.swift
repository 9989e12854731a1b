import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// `published`, `draft` and future dates, as the build's `ContentSelection` judges parsed posts.
final class PublicationVerdictTests: XCTestCase {
    /// 2025-06-01T00:00:00Z
    private let now: Int64 = 1_748_736_000

    private func verdict(_ frontMatter: String, drafts: Bool = false, future: Bool = false) throws -> ContentSelection.Verdict {
        let document = try XCTUnwrap(parsedDocument("---\n\(frontMatter)\n---\nBody.\n",
                                                     path: "content/posts/en/2025-01-15-verdict.md"))
        return ContentSelection(includeDrafts: drafts, includeFuture: future, now: now).verdict(for: document)
    }

    func testPlainPostIsPublished() throws {
        XCTAssertEqual(try verdict("title: Plain"), .published)
    }

    func testPublishedFalseIsNeverBuilt() throws {
        XCTAssertEqual(try verdict("published: false"), .unpublished)
        XCTAssertEqual(try verdict("published: false", drafts: true, future: true), .unpublished)
    }

    func testDraftNeedsTheDraftsOption() throws {
        XCTAssertEqual(try verdict("draft: true"), .draft)
        XCTAssertEqual(try verdict("draft: true", drafts: true), .published)
        XCTAssertEqual(try verdict("draft: false"), .published)
    }

    func testFutureDateNeedsTheFutureOption() throws {
        XCTAssertEqual(try verdict("date: 2025-06-01 08:00:00 +0800"), .published, "that is 00:00Z, not after now")
        XCTAssertEqual(try verdict("date: 2025-06-01 08:00:01 +0800"), .future)
        XCTAssertEqual(try verdict("date: 2030-01-01"), .future)
        XCTAssertEqual(try verdict("date: 2030-01-01", future: true), .published)
    }
}
