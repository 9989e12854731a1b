import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// Dates as Ruby's `Time.parse` reads them for Jekyll, each marked lenient so the build can say
/// which date it understood.
final class LenientDateTests: XCTestCase {
    private let shanghai = PublicationDateParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    private func read(_ text: String) -> String? {
        shanghai.parseLeniently(text).map { $0.date.iso8601 + ($0.lenient ? " (lenient)" : "") }
    }

    func testStrictDatesAreNotLenient() {
        XCTAssertEqual(read("2021-09-21"), "2021-09-21T00:00:00+08:00")
        XCTAssertEqual(read("2021-09-21 10:30:00 +0100"), "2021-09-21T10:30:00+01:00")
    }

    func testWrittenOutDates() {
        XCTAssertEqual(read("September 21, 2021"), "2021-09-21T00:00:00+08:00 (lenient)")
        XCTAssertEqual(read("21 Sep 2021"), "2021-09-21T00:00:00+08:00 (lenient)")
        XCTAssertEqual(read("Tue, Sep 21st 2021 3:15 pm"), "2021-09-21T15:15:00+08:00 (lenient)")
        XCTAssertEqual(read("2021/09/21"), "2021-09-21T00:00:00+08:00 (lenient)")
    }

    func testZoneAbbreviations() {
        XCTAssertEqual(read("2016-03-21 12:00 EDT"), "2016-03-21T12:00:00-04:00 (lenient)")
        XCTAssertEqual(read("2016-03-21 12:00:00 PST"), "2016-03-21T12:00:00-08:00 (lenient)")
        XCTAssertEqual(read("2016-03-21 08:00 JST"), "2016-03-21T08:00:00+09:00 (lenient)")
    }

    func testTrailingWordsAfterAValidDate() {
        XCTAssertEqual(read("2019-07-16 (updated later)"), "2019-07-16T00:00:00+08:00 (lenient)")
    }

    func testNonsenseIsStillRejected() {
        XCTAssertNil(read("soon"))
        XCTAssertNil(read("February 30, 2021"))
        XCTAssertNil(read("2021-13-01 extra"))
    }

    func testTheBuildSaysWhichDateItRead() throws {
        let (document, warnings) = try DocumentParser(config: SiteConfig(timeZone: "Asia/Shanghai")).parse(SourceFile(
            kind: .post, path: "content/posts/en/2021-09-21-x.md", folderLanguage: "en",
            data: Data("---\ntitle: X\ndescription: d\ndate: September 21, 2021\n---\nBody.\n".utf8)))
        XCTAssertEqual(document.date?.isoDay, "2021-09-21")
        XCTAssertEqual(warnings.map(\.description), [
            "content/posts/en/2021-09-21-x.md:4:1: warning: date 'September 21, 2021' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as 2021-09-21T00:00:00+08:00",
        ])
    }
}
