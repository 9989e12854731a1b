import DuetModel
import Foundation
import Synchronization

/// The interface words of one language, from the theme's `i18n/<lang>.yml`, and the locale that
/// formats its dates and numbers.
///
/// Dates and quarters go through ICU (Foundation's `DateFormatter`) with a pattern from the i18n
/// file (`d MMMM y`, `y年M月d日`, `QQQ y`, `y年QQQQ`), so month and quarter names come from the
/// locale data rather than from tables in the theme.
public struct Strings: Hashable, Sendable {
    public var values: [String: String]
    /// BCP 47 tag of the locale (`en`, `zh-Hans`).
    public var locale: String

    public init(values: [String: String], locale: String = "en") {
        self.values = values
        self.locale = locale
    }

    public subscript(key: String) -> String { values[key] ?? key }

    /// The day as its author wrote it: the post's own offset decides the calendar day.
    public func format(_ date: PublicationDate) -> String {
        FormatterCache.shared.string(
            from: Date(timeIntervalSince1970: TimeInterval(date.secondsSinceEpoch)),
            pattern: values["date_format"] ?? "y-MM-dd", locale: locale, offset: date.utcOffsetSeconds)
    }

    /// `Q1 2025` / `2025年第一季度`.
    public func formatQuarter(year: Int, quarter: Int) -> String {
        let middle = PublicationDate(year: year, month: (quarter - 1) * 3 + 2, day: 15)
        return FormatterCache.shared.string(
            from: Date(timeIntervalSince1970: TimeInterval(middle.secondsSinceEpoch)),
            pattern: values["quarter_format"] ?? "QQQ y", locale: locale, offset: 0, remembered: true)
    }

    /// `12,345` in the page's locale. Remembered: every listing of an article formats its issue's
    /// volume and number and its reading time, and a format style with a fresh `Locale` per call
    /// was a visible part of building a page's context.
    public func formatNumber(_ number: Int) -> String {
        FormatterCache.shared.number(number, locale: locale)
    }

    /// A pattern with `{n}` replaced by a localized number: `{n} min read` / `阅读约 {n} 分钟`.
    public func counted(_ key: String, _ number: Int) -> String {
        self[key].replacingBytes("{n}", with: formatNumber(number))
    }
}

/// `DateFormatter` is costly to create and not `Sendable`: one per (pattern, locale, offset),
/// created once and used under a lock.
final class FormatterCache: Sendable {
    static let shared = FormatterCache()

    private struct Key: Hashable {
        var pattern: String
        var locale: String
        var offset: Int
    }

    private struct Formatted: Hashable {
        var key: Key
        var value: Double
    }

    private let formatters = Mutex<[Key: DateFormatter]>([:])
    /// Results worth keeping: quarters (a handful per site) and numbers (volumes, minutes, counts).
    private let remembered = Mutex<[Formatted: String]>([:])

    func number(_ number: Int, locale: String) -> String {
        let key = Formatted(key: Key(pattern: "#", locale: locale, offset: 0), value: Double(number))
        if let known = remembered.withLock({ $0[key] }) { return known }
        let text = number.formatted(.number.locale(Locale(identifier: locale)))
        remembered.withLock { $0[key] = text }
        return text
    }

    func string(from date: Date, pattern: String, locale: String, offset: Int, remembered keep: Bool) -> String {
        guard keep else { return string(from: date, pattern: pattern, locale: locale, offset: offset) }
        let key = Formatted(key: Key(pattern: pattern, locale: locale, offset: offset), value: date.timeIntervalSince1970)
        if let known = remembered.withLock({ $0[key] }) { return known }
        let text = string(from: date, pattern: pattern, locale: locale, offset: offset)
        remembered.withLock { $0[key] = text }
        return text
    }

    func string(from date: Date, pattern: String, locale: String, offset: Int) -> String {
        formatters.withLock { formatters in
            let key = Key(pattern: pattern, locale: locale, offset: offset)
            let formatter = formatters[key] ?? {
                let formatter = DateFormatter()
                formatter.calendar = Calendar(identifier: .gregorian)
                formatter.locale = Locale(identifier: locale)
                formatter.timeZone = TimeZone(secondsFromGMT: offset)
                formatter.dateFormat = pattern
                formatters[key] = formatter
                return formatter
            }()
            return formatter.string(from: date)
        }
    }
}
