import DuetModel

/// Dates in templates: Ruby's `Time#to_s` and `strftime`, in English, computed from the fields
/// (no Foundation formatter, so output does not depend on the machine's locale).
enum LiquidDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `2021-09-21 08:30:00 +0800`.
    static func rubyText(_ date: PublicationDate) -> String {
        strftime(date, "%Y-%m-%d %H:%M:%S %z")
    }

    static func weekday(_ date: PublicationDate) -> Int {
        let days = daysSinceEpoch(date)
        return ((days % 7) + 11) % 7
    }

    private static func daysSinceEpoch(_ date: PublicationDate) -> Int {
        var midnight = date
        (midnight.hour, midnight.minute, midnight.second, midnight.utcOffsetSeconds) = (0, 0, 0, 0)
        return Int(midnight.secondsSinceEpoch / 86_400)
    }

    static func dayOfYear(_ date: PublicationDate) -> Int {
        daysSinceEpoch(date) - daysSinceEpoch(PublicationDate(year: date.year, month: 1, day: 1)) + 1
    }

    static func strftime(_ date: PublicationDate, _ format: String) -> String {
        var result = ""
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { result.append(character); continue }
            guard var code = characters.next() else { result.append("%"); break }
            var padding: Character? = nil
            var explicit = false
            while code == "-" || code == "_" || code == "0" || code == "^" {
                explicit = true
                padding = code == "-" ? nil : code == "_" ? " " : code == "0" ? "0" : padding
                guard let following = characters.next() else { return result }
                if code == "^" { explicit = false }
                code = following
            }
            func number(_ value: Int, width: Int, pad: Character = "0") -> String {
                let text = String(value)
                let fill = explicit ? padding : pad
                guard let fill, text.count < width else { return text }
                return String(repeating: fill, count: width - text.count) + text
            }
            let hour12 = date.hour % 12 == 0 ? 12 : date.hour % 12
            switch code {
            case "Y": result += String(date.year)
            case "C": result += number(date.year / 100, width: 2)
            case "y": result += number(date.year % 100, width: 2)
            case "m": result += number(date.month, width: 2)
            case "d": result += number(date.day, width: 2)
            case "e": result += number(date.day, width: 2, pad: " ")
            case "j": result += number(dayOfYear(date), width: 3)
            case "H": result += number(date.hour, width: 2)
            case "k": result += number(date.hour, width: 2, pad: " ")
            case "I": result += number(hour12, width: 2)
            case "l": result += number(hour12, width: 2, pad: " ")
            case "M": result += number(date.minute, width: 2)
            case "S": result += number(date.second, width: 2)
            case "L": result += "000"
            case "N": result += "000000000"
            case "p": result += date.hour < 12 ? "AM" : "PM"
            case "P": result += date.hour < 12 ? "am" : "pm"
            case "B": result += months[date.month - 1]
            case "b", "h": result += String(months[date.month - 1].prefix(3))
            case "A": result += weekdays[weekday(date)]
            case "a": result += String(weekdays[weekday(date)].prefix(3))
            case "u": result += String(weekday(date) == 0 ? 7 : weekday(date))
            case "w": result += String(weekday(date))
            case "s": result += String(date.secondsSinceEpoch)
            case "z", "Z":
                let offset = abs(date.utcOffsetSeconds)
                let sign = date.utcOffsetSeconds < 0 ? "-" : "+"
                let text = sign + number(offset / 3_600, width: 2) + number(offset % 3_600 / 60, width: 2)
                result += code == "Z" && date.utcOffsetSeconds == 0 ? "UTC" : text
            case "F": result += strftime(date, "%Y-%m-%d")
            case "T": result += strftime(date, "%H:%M:%S")
            case "D", "x": result += strftime(date, "%m/%d/%y")
            case "R": result += strftime(date, "%H:%M")
            case "r": result += strftime(date, "%I:%M:%S %p")
            case "c": result += strftime(date, "%a %b %e %H:%M:%S %Y")
            case "n": result += "\n"
            case "t": result += "\t"
            case "%": result += "%"
            default: result += "%" + String(code)
            }
        }
        return result
    }

    /// Jekyll's `date_to_string`: `21 Sep 2021`; with `"ordinal", "US"`: `Sep 21st, 2021`.
    static func jekyllString(_ date: PublicationDate, long: Bool, type: String?, style: String?) -> String {
        let month = long ? months[date.month - 1] : String(months[date.month - 1].prefix(3))
        guard type == "ordinal" else { return "\(date.day) \(month) \(date.year)" }
        let suffix: String
        switch date.day {
        case 11, 12, 13: suffix = "th"
        default: suffix = [1: "st", 2: "nd", 3: "rd"][date.day % 10] ?? "th"
        }
        return style == "US" ? "\(month) \(date.day)\(suffix), \(date.year)" : "\(date.day)\(suffix) \(month) \(date.year)"
    }
}
