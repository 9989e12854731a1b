import DuetModel

/// Dates the way Ruby's `Time.parse` reads them for Jekyll: `September 21, 2021`, `21 Sep 2021`,
/// `2021/09/21`, `2016-03-21 12:00 EDT`, and trailing words after a valid date. `lenient` says the
/// strict reading failed, so the author can be told which date was understood.
extension PublicationDateParser {
    public func parseLeniently(_ text: String) -> (date: PublicationDate, lenient: Bool)? {
        if let strict = parse(text) { return (strict, false) }
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        var numbers: [Int] = []
        let words = text.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        for (index, word) in words.enumerated() {
            let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if year == nil, let parts = Self.dateParts(word) {
                (year, month, day) = parts
            } else if word.contains(":"), let time = Self.timeParts(word) {
                (hour, minute, second) = time
                if let next = words.dropFirst(index + 1).first?.lowercased() {
                    if next == "pm" || next == "p.m.", hour < 12 { hour += 12 }
                    if next == "am" || next == "a.m.", hour == 12 { hour = 0 }
                }
            } else if month == nil, lower.count >= 3,
                      let named = Self.monthNames.firstIndex(where: { $0.hasPrefix(lower) || lower.hasPrefix($0) }) {
                month = named + 1
            } else if let number = Int(lower.filter(\.isNumber)), !lower.isEmpty, lower.first?.isNumber == true,
                      lower.allSatisfy({ $0.isNumber || "stndrh".contains($0) }) {
                numbers.append(number)
            } else if offset == nil, let zone = Self.zoneOffset(word) {
                offset = zone
            }
        }
        if year == nil, month != nil {
            // `September 21, 2021` and `21 September 2021`: the four-digit number is the year.
            guard let yearIndex = numbers.firstIndex(where: { $0 >= 1000 }) else { return nil }
            year = numbers.remove(at: yearIndex)
            day = numbers.first
        }
        guard let year, let month, let day else { return nil }
        var date = PublicationDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard date.isValidCalendarDate else { return nil }
        date.utcOffsetSeconds = offset ?? zoneOffset(for: date)
        return (date, true)
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// `2021-09-21`, `2021/9/21`, and the date part of `2021-09-21T10:00`.
    private static func dateParts(_ word: String) -> (Int, Int, Int)? {
        let head = word.split(separator: "T").first.map(String.init) ?? word
        let parts = head.split { $0 == "-" || $0 == "/" }.compactMap { Int($0) }
        guard parts.count == 3, head.split(separator: "-").count == 3 || head.split(separator: "/").count == 3,
              parts[0] >= 1000 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    private static func timeParts(_ word: String) -> (Int, Int, Int)? {
        let parts = word.split(separator: ":").map { Int($0.prefix { $0.isNumber }) }
        guard parts.count >= 2, let hour = parts[0], let minute = parts[1], hour < 24, minute < 60 else { return nil }
        return (hour, minute, parts.count > 2 ? parts[2] ?? 0 : 0)
    }

    /// Numeric offsets and the zone abbreviations Ruby's `Time.parse` knows (`CST` is US Central, as in Ruby).
    static func zoneOffset(_ word: String) -> Int? {
        let abbreviations: [String: Int] = [
            "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
            "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "BST": 1, "CET": 1, "CEST": 2, "EET": 2,
            "EEST": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
        ]
        if let hours = abbreviations[word.uppercased()] { return hours * 3_600 }
        if word.uppercased() == "IST" { return 5 * 3_600 + 1_800 }
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isNumber),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.count == 4 ? digits.suffix(2) : "0"),
              hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }
}

import Foundation
