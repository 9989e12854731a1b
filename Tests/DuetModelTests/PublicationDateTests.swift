import DuetModel
import XCTest

final class PublicationDateTests: XCTestCase {
    func testEpochStart() {
        XCTAssertEqual(PublicationDate(year: 1970, month: 1, day: 1).secondsSinceEpoch, 0)
        XCTAssertEqual(PublicationDate(secondsSinceEpoch: 0, utcOffsetSeconds: 0), PublicationDate(year: 1970, month: 1, day: 1))
    }

    func testKnownInstant() {
        // 2025-01-15T04:00:00Z
        let date = PublicationDate(year: 2025, month: 1, day: 15, hour: 12, utcOffsetSeconds: 28_800)
        XCTAssertEqual(date.secondsSinceEpoch, 1_736_913_600)
    }

    func testCivilToEpochRoundTrip() {
        let samples = [
            PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800),
            PublicationDate(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59),
            PublicationDate(year: 2000, month: 3, day: 1, hour: 0, minute: 30, utcOffsetSeconds: -19_800),
            PublicationDate(year: 1969, month: 12, day: 31, hour: 23),
            PublicationDate(year: 2100, month: 12, day: 31, hour: 12, utcOffsetSeconds: 50_400),
        ]
        for date in samples {
            let back = PublicationDate(secondsSinceEpoch: date.secondsSinceEpoch, utcOffsetSeconds: date.utcOffsetSeconds)
            XCTAssertEqual(back, date)
        }
    }

    func testEpochToCivilRoundTripOverManyDays() {
        var seconds: Int64 = -86_400 * 400
        while seconds < 86_400 * 365 * 80 {
            let date = PublicationDate(secondsSinceEpoch: seconds, utcOffsetSeconds: 3_600)
            XCTAssertTrue(date.isValidCalendarDate, "\(date)")
            XCTAssertEqual(date.secondsSinceEpoch, seconds)
            seconds += 86_400 * 13 + 3_607
        }
    }

    func testSameInstantSeenInAnotherZoneChangesTheDay() {
        let written = PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800)
        let utc = PublicationDate(secondsSinceEpoch: written.secondsSinceEpoch, utcOffsetSeconds: 0)
        XCTAssertEqual(utc, PublicationDate(year: 2025, month: 1, day: 14, hour: 22))
        XCTAssertFalse(written < utc || utc < written, "the same instant orders equal")
    }

    func testISO8601UsesTheAuthorsOffset() {
        XCTAssertEqual(PublicationDate(year: 2025, month: 1, day: 15, hour: 12, utcOffsetSeconds: 28_800).iso8601,
                       "2025-01-15T12:00:00+08:00")
        XCTAssertEqual(PublicationDate(year: 2025, month: 7, day: 4, hour: 9, minute: 5, second: 7, utcOffsetSeconds: -16_200).iso8601,
                       "2025-07-04T09:05:07-04:30")
        XCTAssertEqual(PublicationDate(year: 2025, month: 3, day: 9).iso8601, "2025-03-09T00:00:00+00:00")
        XCTAssertEqual(PublicationDate(year: 2025, month: 3, day: 9).isoDay, "2025-03-09")
    }

    func testCalendarValidity() {
        XCTAssertTrue(PublicationDate(year: 2024, month: 2, day: 29).isValidCalendarDate)
        XCTAssertFalse(PublicationDate(year: 2025, month: 2, day: 29).isValidCalendarDate)
        XCTAssertFalse(PublicationDate(year: 1900, month: 2, day: 29).isValidCalendarDate)
        XCTAssertTrue(PublicationDate(year: 2000, month: 2, day: 29).isValidCalendarDate)
        XCTAssertFalse(PublicationDate(year: 2025, month: 4, day: 31).isValidCalendarDate)
        XCTAssertFalse(PublicationDate(year: 2025, month: 1, day: 1, hour: 24).isValidCalendarDate)
    }

    func testOrderingUsesTheInstant() {
        let shanghaiMorning = PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800)
        let londonLateEvening = PublicationDate(year: 2025, month: 1, day: 14, hour: 23)
        XCTAssertLessThan(shanghaiMorning, londonLateEvening)
    }
}
