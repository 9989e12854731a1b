import DuetModel
import DuetRender
import XCTest

/// Dates read in the page's language, from an ICU pattern in the theme's i18n file.
final class StringsTests: XCTestCase {
    /// 06:00 on 15 January in Beijing time: still the 14th in UTC.
    private let date = PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800)

    func testEnglishDateInWords() {
        let strings = Strings(values: ["date_format": "d MMMM y"], locale: "en")
        XCTAssertEqual(strings.format(date), "15 January 2025")
        XCTAssertEqual(strings.format(PublicationDate(year: 2024, month: 12, day: 3)), "3 December 2024")
    }

    func testChineseDate() {
        let strings = Strings(values: ["date_format": "y年M月d日"], locale: "zh-Hans")
        XCTAssertEqual(strings.format(date), "2025年1月15日")
    }

    func testDefaultFormatIsPaddedISO() {
        XCTAssertEqual(Strings(values: [:]).format(PublicationDate(year: 2025, month: 3, day: 7)), "2025-03-07")
    }

    func testWrittenDayIsShownNotTheUTCDay() {
        let strings = Strings(values: ["date_format": "dd.MM.y"], locale: "en")
        XCTAssertEqual(strings.format(date), "15.01.2025")
        let lateEveningWest = PublicationDate(year: 2025, month: 1, day: 15, hour: 23, minute: 30, utcOffsetSeconds: -18_000)
        XCTAssertEqual(strings.format(lateEveningWest), "15.01.2025", "16 January in UTC, 15th as written")
    }

    func testQuarterInEachLanguage() {
        XCTAssertEqual(Strings(values: [:], locale: "en").formatQuarter(year: 2025, quarter: 1), "Q1 2025")
        XCTAssertEqual(Strings(values: ["quarter_format": "y年QQQQ"], locale: "zh-Hans").formatQuarter(year: 2025, quarter: 3),
                       "2025年第三季度")
    }

    func testCountedUsesALocalizedNumber() {
        let en = Strings(values: ["reading_time": "{n} min read"], locale: "en")
        XCTAssertEqual(en.counted("reading_time", 12), "12 min read")
        XCTAssertEqual(en.formatNumber(12_345), "12,345")
        let zh = Strings(values: ["reading_time": "阅读约 {n} 分钟"], locale: "zh-Hans")
        XCTAssertEqual(zh.counted("reading_time", 3), "阅读约 3 分钟")
    }

    func testSubscriptFallsBackToTheKey() {
        let strings = Strings(values: ["read_more": "Read more"])
        XCTAssertEqual(strings["read_more"], "Read more")
        XCTAssertEqual(strings["not_there"], "not_there")
    }
}
