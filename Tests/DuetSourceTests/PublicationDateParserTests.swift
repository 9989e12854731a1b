import DuetModel
@testable import DuetSource
import Foundation
import XCTest

final class PublicationDateParserTests: XCTestCase {
    private let utc = PublicationDateParser(timeZone: TimeZone(identifier: "UTC")!)
    private let shanghai = PublicationDateParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    func testDayOnly() {
        XCTAssertEqual(utc.parse("2025-01-15"), PublicationDate(year: 2025, month: 1, day: 15))
    }

    func testDateAndTimeWithSeconds() {
        XCTAssertEqual(utc.parse("2025-01-15 12:34:56"),
                       PublicationDate(year: 2025, month: 1, day: 15, hour: 12, minute: 34, second: 56))
    }

    func testCompactOffset() {
        let date = utc.parse("2025-01-15 12:00:00 +0800")
        XCTAssertEqual(date, PublicationDate(year: 2025, month: 1, day: 15, hour: 12, utcOffsetSeconds: 28_800))
        XCTAssertEqual(date?.iso8601, "2025-01-15T12:00:00+08:00")
    }

    func testColonOffset() {
        XCTAssertEqual(utc.parse("2025-01-15 12:00:00 +08:00")?.utcOffsetSeconds, 28_800)
        XCTAssertEqual(utc.parse("2025-01-15 12:00:00 -05:30")?.utcOffsetSeconds, -19_800)
    }

    func testZuluSuffix() {
        let date = shanghai.parse("2025-01-15T12:00:00Z")
        XCTAssertEqual(date, PublicationDate(year: 2025, month: 1, day: 15, hour: 12, utcOffsetSeconds: 0),
                       "an explicit Z wins over the site zone")
    }

    func testTSeparatorWithOffset() {
        XCTAssertEqual(utc.parse("2025-01-15T09:05:00+08:00"),
                       PublicationDate(year: 2025, month: 1, day: 15, hour: 9, minute: 5, utcOffsetSeconds: 28_800))
    }

    func testNoZoneUsesTheSiteTimeZone() {
        let date = shanghai.parse("2025-01-15 12:00")
        XCTAssertEqual(date?.utcOffsetSeconds, 28_800)
        XCTAssertEqual(date?.iso8601, "2025-01-15T12:00:00+08:00")
        XCTAssertEqual(shanghai.parse("2025-01-15")?.iso8601, "2025-01-15T00:00:00+08:00")
    }

    func testNoZoneFollowsDaylightSavingOfTheSiteZone() {
        let newYork = PublicationDateParser(timeZone: TimeZone(identifier: "America/New_York")!)
        XCTAssertEqual(newYork.parse("2025-01-15 12:00")?.utcOffsetSeconds, -18_000)
        XCTAssertEqual(newYork.parse("2025-07-15 12:00")?.utcOffsetSeconds, -14_400)
    }

    func testOneDigitMonthDayAndHour() {
        XCTAssertEqual(utc.parse("2025-1-5 9:30"),
                       PublicationDate(year: 2025, month: 1, day: 5, hour: 9, minute: 30))
    }

    func testEarlyMorningWithPositiveOffsetKeepsTheWrittenDay() throws {
        let date = try XCTUnwrap(utc.parse("2025-01-15 06:00:00 +0800"))
        XCTAssertEqual(date.day, 15, "the page shows the date as written")
        XCTAssertEqual(date.utcOffsetSeconds, 28_800)
        // 2025-01-14T22:00:00Z
        XCTAssertEqual(date.secondsSinceEpoch, 1_736_892_000)
        let inUTC = PublicationDate(secondsSinceEpoch: date.secondsSinceEpoch, utcOffsetSeconds: 0)
        XCTAssertEqual(inUTC.day, 14)
        XCTAssertEqual(inUTC.hour, 22)
    }

    func testRejectsImpossibleAndMalformedDates() {
        for text in ["2025-02-30", "2025-13-01", "15/01/2025", "2025-01-15 25:00", "2025-01-15 12:00 +2500",
                     "next Tuesday", "2025-01-15 12:00 PST", ""] {
            XCTAssertNil(utc.parse(text), "'\(text)' should not parse")
        }
    }

    func testAcceptsLeapDayOnlyInLeapYears() {
        XCTAssertNotNil(utc.parse("2024-02-29"))
        XCTAssertNil(utc.parse("2025-02-29"))
    }

    func testSiteConfigTimeZoneReachesDocumentDates() throws {
        let config = try SiteConfigLoader.load(Data("timezone: Asia/Shanghai\n".utf8), path: "content/site.yml")
        let document = try XCTUnwrap(parsedDocument("---\ndate: 2025-01-15 09:00\n---\nBody.\n", config: config))
        XCTAssertEqual(document.date?.iso8601, "2025-01-15T09:00:00+08:00")
    }
}
