import DuetModel

/// The interface words of one language, from the theme's `i18n/<lang>.yml`.
public struct Strings: Hashable, Sendable {
    public var values: [String: String]
    /// Month names, January first, for dates written out in words.
    public var months: [String]
    /// How a date reads: `{day} {month} {year}` or `{year}年{m}月{day}日`.
    public var dateFormat: String

    public init(values: [String: String], months: [String] = [], dateFormat: String = "{year}-{mm}-{dd}") {
        self.values = values
        self.months = months
        self.dateFormat = dateFormat
    }

    public subscript(key: String) -> String { values[key] ?? key }

    /// The date as its author wrote it (the written fields, never converted to another zone).
    public func format(_ date: PublicationDate) -> String {
        let month = date.month >= 1 && date.month <= months.count ? months[date.month - 1] : String(date.month)
        return dateFormat
            .replacing("{year}", with: String(date.year))
            .replacing("{month}", with: month)
            .replacing("{mm}", with: date.month < 10 ? "0\(date.month)" : String(date.month))
            .replacing("{m}", with: String(date.month))
            .replacing("{dd}", with: date.day < 10 ? "0\(date.day)" : String(date.day))
            .replacing("{day}", with: String(date.day))
    }
}
