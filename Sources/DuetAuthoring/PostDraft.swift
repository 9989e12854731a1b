import DuetModel
import Foundation

/// A new post as `duet new post` and `duet import` write it: the publication's front matter
/// (the fields the sample posts use) filled in, marked as a draft until the editors publish it.
public struct PostDraft: Hashable, Sendable {
    public var language: String
    public var title: String
    public var slug: String
    /// Wall-clock time in the site's zone, with its offset (`2025-04-15 10:00:00 +0800`).
    public var date: PublicationDate
    public var issue: String?
    public var body: String

    public init(language: String, title: String, slug: String, date: PublicationDate, issue: String? = nil, body: String = "") {
        self.language = language
        self.title = title
        self.slug = slug
        self.date = date
        self.issue = issue
        self.body = body
    }

    /// `now` in the site's time zone, to the second.
    public static func date(_ now: Date, timeZone identifier: String) -> PublicationDate {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
        return PublicationDate(secondsSinceEpoch: Int64(now.timeIntervalSince1970.rounded(.down)),
                               utcOffsetSeconds: zone.secondsFromGMT(for: now))
    }

    /// `posts/en/2025-04-15-common-ground.md`, relative to the content folder.
    public var relativePath: String { "posts/\(language)/\(date.isoDay)-\(slug).md" }

    /// Jekyll's date form, as the sample posts write it.
    static func frontMatterDate(_ date: PublicationDate) -> String {
        let iso = date.iso8601
        let time = iso.dropFirst(11).prefix(8)
        let offset = iso.suffix(6).replacing(":", with: "")
        return "\(date.isoDay) \(time) \(offset)"
    }

    public var text: String {
        var lines = [
            "---",
            "layout: post",
            "title: \(YAMLText.quoted(title))",
            "authors: []",
            "section:",
            "date: \(Self.frontMatterDate(date))",
        ]
        if let issue { lines.append("issue: \(issue)") }
        lines += [
            "image:",
            "description: \"\"",
            "excerpt_separator: <excerpt/>",
            "draft: true",
            "---",
            "",
        ]
        let body = self.body.isEmpty ? "" : self.body.hasSuffix("\n") ? self.body : self.body + "\n"
        return lines.joined(separator: "\n") + "\n" + body
    }
}
