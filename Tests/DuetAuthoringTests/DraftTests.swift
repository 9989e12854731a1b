import DuetAuthoring
import DuetModel
import Foundation
import XCTest

/// Slugs, new posts' front matter and translation twins.
final class DraftTests: XCTestCase {
    func testSlugsFromEnglishAndChineseTitles() {
        XCTAssertEqual(Slug.make(from: "Rivers & Ledgers: A Talk"), "rivers-ledgers-a-talk")
        XCTAssertEqual(Slug.make(from: "The Other Side’s Documents"), "the-other-sides-documents")
        XCTAssertEqual(Slug.make(from: "河流与账本"), "he-liu-yu-zhang-ben")
        XCTAssertTrue(Slug.isValid(Slug.make(from: String(repeating: "long words ", count: 20))))
        XCTAssertLessThanOrEqual(Slug.make(from: String(repeating: "long words ", count: 20)).count, 60)
        XCTAssertFalse(Slug.isValid("Bad Slug"))
    }

    func testNewPostDateIsTodayInTheSiteZone() {
        // 2025-06-30 20:30 UTC is already 1 July in Shanghai.
        let date = PostDraft.date(Date(timeIntervalSince1970: 1_751_315_400), timeZone: "Asia/Shanghai")
        let draft = PostDraft(language: "zh", title: "河流与账本", slug: "he-liu-yu-zhang-ben", date: date, issue: "2025-Q3")
        XCTAssertEqual(draft.relativePath, "posts/zh/2025-07-01-he-liu-yu-zhang-ben.md")
        XCTAssertTrue(draft.text.contains("\ndate: 2025-07-01 04:30:00 +0800\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\ntitle: \"河流与账本\"\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\nissue: 2025-Q3\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\ndraft: true\n"), draft.text)
    }

    func testTranslationCopiesFrontMatterAndMarksTheTitle() throws {
        let original = """
            ---
            layout: post
            title : "Ledgers: of the \\"Delta\\""
            author: Ines Calloway
            section: Essays
            date  : 2025-04-15 10:00:00 +0800
            description: The second report
            tags:
              - water
            ---
            The body.
            """
        let twin = try XCTUnwrap(TranslationDraft.make(from: original, originalPath: "content/posts/en/x.md", language: "zh"))
        XCTAssertEqual(twin, """
            ---
            layout: post
            title: "[translate] Ledgers: of the \\"Delta\\""
            author: Ines Calloway
            section: Essays
            date  : 2025-04-15 10:00:00 +0800
            description: "[translate] The second report"
            tags:
              - water
            draft: true
            ---

            <!-- Translate content/posts/en/x.md here. -->

            """)
        XCTAssertNil(TranslationDraft.make(from: "No front matter.", originalPath: "x.md", language: "zh"))
    }
}
