/// A post or a page after its front matter and Markdown have been read: the parse stage's output
/// and the site graph's input. Nothing here knows about URLs, templates or the file system.
public struct ParsedDocument: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case post
        case page
    }

    public var kind: Kind
    /// The path diagnostics print (as the user would type it, e.g. `content/posts/en/x.md`).
    public var sourcePath: String
    public var language: String
    public var slug: String
    public var title: String
    public var date: PublicationDate?
    public var frontMatter: FrontMatter
    public var bodyHTML: String
    public var excerptHTML: String
    public var headings: [DocumentHeading]
    /// What ties the versions of one article together across languages: `translation_key:` when
    /// given, otherwise the file name (`2025-01-15-slug`), which the versions share by convention.
    public var translationKey: String
    /// What listings show of the text, measured once when the document is parsed (and kept in the
    /// build cache): the whole text is needed for them, and every listing of an article used to
    /// measure it again.
    public var readingMinutes: Int
    /// The meta description: `description:`, else the excerpt's text, else the body's, cut to
    /// `summaryWidth` display units.
    public var summary: String

    /// Meta descriptions are cut to this many display units (a CJK character counts two).
    public static let summaryWidth = 160

    public init(kind: Kind, sourcePath: String, language: String, slug: String, title: String,
                date: PublicationDate?, frontMatter: FrontMatter, bodyHTML: String, excerptHTML: String,
                headings: [DocumentHeading], translationKey: String? = nil,
                readingMinutes: Int? = nil, summary: String? = nil) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.language = language
        self.slug = slug
        self.title = title
        self.date = date
        self.frontMatter = frontMatter
        self.bodyHTML = bodyHTML
        self.excerptHTML = excerptHTML
        self.headings = headings
        self.translationKey = translationKey ?? frontMatter["translation_key"]?.scalarText
            ?? Self.fileStem(of: sourcePath)
        if let readingMinutes, let summary {
            self.readingMinutes = readingMinutes
            self.summary = summary
        } else {
            let plainBody = PlainText.from(html: bodyHTML)
            self.readingMinutes = PlainText.readingMinutes(plainBody)
            let plainExcerpt = PlainText.from(html: excerptHTML)
            self.summary = frontMatter["description"]?.scalarText
                ?? PlainText.truncate(plainExcerpt.isEmpty ? plainBody : plainExcerpt, width: Self.summaryWidth)
        }
    }

    /// `content/posts/en/2025-01-15-slug.md` -> `2025-01-15-slug`.
    public static func fileStem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Where to point a diagnostic about `key`: its own line, or the file when the key is absent.
    public func location(of key: String) -> SourceLocation {
        frontMatter.entry(key)?.location ?? SourceLocation(file: sourcePath)
    }

    public func text(_ key: String) -> String? { frontMatter[key]?.scalarText }

    public func flag(_ key: String) -> Bool? {
        switch frontMatter[key] {
        case .bool(let value): return value
        case .string(let text): return ["true", "yes", "on"].contains(text.lowercased()) ? true
            : ["false", "no", "off"].contains(text.lowercased()) ? false : nil
        default: return nil
        }
    }

    /// `tags: [a, b]`, `tags: a b` (Jekyll splits a string on spaces) or a single value.
    public func list(_ key: String) -> [String] {
        switch frontMatter[key] {
        case .list(let items): return items.compactMap(\.scalarText)
        case .string(let text): return text.split(separator: " ").map(String.init)
        case let value?: return value.scalarText.map { [$0] } ?? []
        case nil: return []
        }
    }

    public var layout: String? { text("layout") }
    public var description: String? { text("description") }
    public var image: String? { text("image") }

    /// `authors: [..]` or Jekyll's single `author:` string, as written.
    public var authors: [String] {
        if case .list(let items)? = frontMatter["authors"] { return items.compactMap(\.scalarText) }
        if let single = text("authors") ?? text("author") { return [single] }
        if case .list(let items)? = frontMatter["author"] { return items.compactMap(\.scalarText) }
        return []
    }
}
