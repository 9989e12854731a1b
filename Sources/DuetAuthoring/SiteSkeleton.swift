import DuetModel
import Foundation

/// What `duet new site DIR` writes: a publication that builds with `--strict` at once and shows
/// every kind of file an editor keeps (settings, an issue, an author, a first article in each
/// language, About pages, a static image, a GitHub workflow), so a new user changes text instead
/// of reading a reference first.
public struct SiteSkeleton: Sendable {
    /// The languages the skeleton is written in (and the default theme has interface words for).
    public static let knownLanguages: [Language] = [
        Language(code: "en", tag: "en", name: "English", locale: "en_US"),
        Language(code: "zh", tag: "zh-Hans", name: "中文", locale: "zh_CN"),
    ]

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownLanguage(String)
        case repeatedLanguage(String)
        case noLanguage

        public var description: String {
            let known = SiteSkeleton.knownLanguages.map(\.code).joined(separator: ", ")
            switch self {
            case .unknownLanguage(let code): return "unknown language code '\(code)' (a new site can be written in: \(known))"
            case .repeatedLanguage(let code): return "language '\(code)' is listed twice"
            case .noLanguage: return "--languages names no language (e.g. --languages \(known.replacing(", ", with: ",")))"
            }
        }
    }

    /// The site's languages, the first one the default.
    public var languages: [Language]
    /// The publication's name, from the folder's name: `harbor-review` -> `Harbor Review`.
    public var title: String
    /// The first article's date and the first issue's day, in the site's time zone.
    public var date: PublicationDate
    public var timeZone: String
    /// The Duet release the workflow installs when it builds Duet itself (`v0.1.0`).
    public var duetTag: String

    /// - Parameter languages: codes as typed after `--languages`, e.g. `["zh", "en"]`.
    public init(languages codes: [String], folderName: String, now: Date, duetVersion: String) throws(Problem) {
        guard !codes.isEmpty else { throw .noLanguage }
        var chosen: [Language] = []
        for code in codes {
            guard let language = Self.knownLanguages.first(where: { $0.code == code }) else { throw .unknownLanguage(code) }
            guard !chosen.contains(language) else { throw .repeatedLanguage(code) }
            chosen.append(language)
        }
        languages = chosen
        // A Chinese-language review is most likely edited in China's time zone; otherwise UTC.
        timeZone = codes.contains("zh") ? "Asia/Shanghai" : "UTC"
        date = PostDraft.date(now, timeZone: timeZone)
        title = Self.title(fromFolderName: folderName)
        duetTag = "v\(duetVersion)"
    }

    static func title(fromFolderName name: String) -> String {
        let words = name.split { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." }
        let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return title.isEmpty ? "New Review" : title
    }

    /// `2026-q4`: the issue of the quarter the first article is dated in.
    var issueKey: String { "\(date.year)-q\((date.month - 1) / 3 + 1)" }

    var codes: [String] { languages.map(\.code) }

    /// Every file, by path relative to the new site's folder, in the order they are written.
    public var files: [(path: String, text: String)] {
        var files: [(path: String, text: String)] = [
            (".gitignore", "_site/\n.duet-cache/\n"),
            (".github/workflows/publish.yml", workflow),
            ("content/site.yml", siteConfig),
            ("content/issues/\(issueKey).yml", issueFile),
            ("content/authors/\(SkeletonText.authorSlug).yml", authorFile),
            ("content/static/images/issues/\(issueKey).svg", SkeletonText.cover(title: title)),
        ]
        for code in codes {
            files.append(("content/posts/\(code)/\(date.isoDay)-\(SkeletonText.articleSlug).md", article(in: code)))
            files.append(("content/pages/\(code)/about.md", SkeletonText.about(in: code, title: title, bilingual: codes.count > 1)))
        }
        return files
    }

    func article(in code: String) -> String {
        let frontMatter = [
            "---",
            "layout: post",
            "title : \(SkeletonText.articleTitle(in: code))",
            "author: \(SkeletonText.authorName(in: code))",
            "section: Essays",
            "date  : \(PostDraft.frontMatterDate(date))",
            "image : /images/issues/\(issueKey).svg",
            "#image_caption: \"\"",
            "description: \"\(SkeletonText.articleDescription(in: code))\"",
            "excerpt_separator: <excerpt/>",
            "---",
            "",
        ]
        return frontMatter.joined(separator: "\n") + SkeletonText.articleBody(in: code)
    }
}
