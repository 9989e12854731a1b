import DuetModel
import Foundation

/// Parses front matter dates as Jekyll accepts them, which Yams cannot: `2025-01-15`,
/// `2025-1-5 9:30`, `2025-01-15 12:00:00 +0800`, `2025-01-15T12:00:00+08:00`, `...Z`.
///
/// A date without an offset is wall-clock time in the site's time zone (Jekyll's `timezone`).
public struct PublicationDateParser: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public func parse(_ text: String) -> PublicationDate? {
        var scanner = FieldScanner(Substring(text.trimmingCharacters(in: .whitespaces)))
        guard let year = scanner.number(digits: 4...4), scanner.skip("-"),
              let month = scanner.number(digits: 1...2), scanner.skip("-"),
              let day = scanner.number(digits: 1...2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if scanner.skip("T") || scanner.skip("t") || scanner.skipSpaces() {
            if let h = scanner.number(digits: 1...2) {
                guard scanner.skip(":"), let m = scanner.number(digits: 2...2) else { return nil }
                hour = h
                minute = m
                if scanner.skip(":") {
                    guard let s = scanner.number(digits: 2...2) else { return nil }
                    second = s
                    if scanner.skip(".") { _ = scanner.number(digits: 1...9) }
                }
                _ = scanner.skipSpaces()
            }
            if !scanner.isAtEnd {
                guard let parsed = scanner.utcOffset() else { return nil }
                offset = parsed
            }
        }
        guard scanner.isAtEnd else { return nil }
        var date = PublicationDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard date.isValidCalendarDate else { return nil }
        date.utcOffsetSeconds = offset ?? zoneOffset(for: date)
        return date
    }

    /// The site zone's offset at that wall-clock time (daylight saving included).
    func zoneOffset(for date: PublicationDate) -> Int {
        let asUTC = Date(timeIntervalSince1970: TimeInterval(date.secondsSinceEpoch))
        let guess = timeZone.secondsFromGMT(for: asUTC)
        return timeZone.secondsFromGMT(for: asUTC.addingTimeInterval(TimeInterval(-guess)))
    }
}

private struct FieldScanner {
    var rest: Substring

    init(_ text: Substring) { rest = text }

    var isAtEnd: Bool { rest.isEmpty }

    mutating func skip(_ literal: Character) -> Bool {
        guard rest.first == literal else { return false }
        rest.removeFirst()
        return true
    }

    mutating func skipSpaces() -> Bool {
        let before = rest.count
        rest = rest.drop { $0 == " " || $0 == "\t" }
        return rest.count < before
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        let run = rest.prefix { $0.isASCII && $0.isNumber }
        guard digits.contains(run.count), let value = Int(run) else { return nil }
        rest = rest.dropFirst(run.count)
        return value
    }

    /// `Z`, `UTC`, `+08`, `+0800`, `+08:00`, `-0500`.
    mutating func utcOffset() -> Int? {
        if rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" { rest = ""; return 0 }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest.removeFirst()
        let digits = rest.filter { $0 != ":" }
        guard rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == ":" }),
              digits.count == 2 || digits.count == 4,
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : digits.dropFirst(2)),
              hours <= 14, minutes < 60 else { return nil }
        rest = ""
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }
}
