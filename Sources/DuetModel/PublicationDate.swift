/// A date as the author wrote it: the wall-clock fields and the UTC offset they were written in.
///
/// `2025-01-15 06:00:00 +0800` is 15 January 2025 to its author and its readers, though it is
/// still the 14th in UTC; so the page shows the written fields, while ordering and the
/// future-post check use the instant.
public struct PublicationDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds east of UTC.
    public var utcOffsetSeconds: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                utcOffsetSeconds: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64 {
        let days = Int64(Self.daysFromCivil(year: year, month: month, day: day))
        let local = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return local - Int64(utcOffsetSeconds)
    }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// Whether the fields name a real calendar day (no 30 February).
    public var isValidCalendarDate: Bool {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    /// `2025-01-15T12:00:00+08:00`: RFC 3339 in the author's own offset.
    public var iso8601: String {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offset = abs(utcOffsetSeconds)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + "\(sign)\(pad(offset / 3_600)):\(pad(offset % 3_600 / 60))"
    }

    /// `2025-01-15`, as written.
    public var isoDay: String { "\(pad(year, 4))-\(pad(month))-\(pad(day))" }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no Foundation needed.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The wall-clock fields of an instant seen at a given offset: the inverse of `secondsSinceEpoch`.
    public init(secondsSinceEpoch: Int64, utcOffsetSeconds: Int) {
        let local = secondsSinceEpoch + Int64(utcOffsetSeconds)
        var days = Int(local / 86_400)
        var rest = Int(local % 86_400)
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: rest / 3_600, minute: rest % 3_600 / 60, second: rest % 60,
                  utcOffsetSeconds: utcOffsetSeconds)
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
