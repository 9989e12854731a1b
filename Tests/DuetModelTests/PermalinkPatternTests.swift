import DuetModel
import XCTest

final class PermalinkPatternTests: XCTestCase {
    private let post = document(path: "content/posts/zh/2025-01-05-quiet-channels.md", language: "zh",
                                slug: "quiet-channels",
                                date: PublicationDate(year: 2025, month: 1, day: 5, hour: 7, minute: 3, second: 9,
                                                      utcOffsetSeconds: 28_800),
                                frontMatter: [("categories", .list([.string("Trade"), .string("Ports")]))])

    func testFullDatePattern() {
        XCTAssertEqual(PermalinkPattern("/:lang/:year/:month/:day/:slug/").expand(for: post), "/zh/2025/01/05/quiet-channels/")
    }

    func testUnpaddedMonthAndDay() {
        XCTAssertEqual(PermalinkPattern("/:year/:i_month/:i_day/:title/").expand(for: post), "/2025/1/5/quiet-channels/")
    }

    func testTimeAndCategories() {
        XCTAssertEqual(PermalinkPattern("/:categories/:hour:minute:second/:slug.html").expand(for: post),
                       "/trade/ports/070309/quiet-channels.html")
    }

    func testJekyllsSingularCategoryAndCategoriesAsOneString() {
        let single = document(path: "p.md", slug: "s", frontMatter: [("category", .string("Notices"))])
        XCTAssertEqual(PermalinkPattern("/:categories/:slug/").expand(for: single), "/notices/s/")
        let spaced = document(path: "p.md", slug: "s", frontMatter: [("categories", .string("Harbour Data"))])
        XCTAssertEqual(PermalinkPattern("/:categories/:slug/").expand(for: spaced), "/harbour/data/s/")
    }

    func testDateFieldsAreTheWrittenOnesNotUTC() {
        let early = document(path: "p.md", slug: "dawn",
                             date: PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800))
        XCTAssertEqual(PermalinkPattern("/:year/:month/:day/:slug/").expand(for: early), "/2025/01/15/dawn/")
    }

    /// Jekyll fills each placeholder once: a category that reads like a placeholder stays as written.
    func testAValueIsNotExpandedAgain() {
        let odd = document(path: "p.md", slug: "s", frontMatter: [("category", .string("notes:year"))])
        XCTAssertEqual(PermalinkPattern("/:categories/:slug/").expand(for: odd), "/notes:year/s/")
    }

    func testPageWithoutDate() {
        let page = document(.page, path: "content/pages/en/about.md", slug: "about")
        XCTAssertEqual(PermalinkPattern("/:lang/:slug/").expand(for: page), "/en/about/")
    }
}
