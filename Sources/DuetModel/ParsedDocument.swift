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
    /// What ties the versions of one article together across languages: `translation_key:` when
    /// given, otherwise the file name (`2025-01-15-slug`), which the versions share by convention.
    public var translationKey: String

    // What a document says is read through accessors that tell the running output's recorder
    // (`DependencyRecorder`): the body apart from the rest, so a page that only lists an
    // article is not made again when only its body changed. Identity (kind, path, language,
    // translation key) is not recorded: the graph queries that return documents cover it.
    // A new stored field goes in `Meta` (or `Body`) and is then recorded and digested with it.

    /// Everything but the body.
    public struct Meta: Hashable, Sendable {
        public var slug: String
        public var title: String
        /// The title as markup for headings and listings (`TitleMarkup`): the escaped title
        /// unless it was written with inline HTML.
        public var titleHTML: String
        public var date: PublicationDate?
        public var frontMatter: FrontMatter
        public var excerptHTML: String
        /// What listings show of the text, measured once when the document is parsed (and kept
        /// in the build cache): every listing of an article used to measure it again.
        public var readingMinutes: Int
        /// The meta description: `description:`, else the excerpt's text, else the body's, cut
        /// to `summaryWidth` display units.
        public var summary: String
        /// `doi:` as written and checked (`DOI`); nil when absent or malformed, in which case the
        /// site's pattern (or nothing) gives the DOI.
        public var doi: DOI?
        /// `license:`, the site's licence replaced for this document.
        public var license: License?
        /// `updated:`: when the editors last revised the text (nil when never, or unreadable).
        public var updated: PublicationDate?
        /// `corrections:` that parsed, oldest first.
        public var corrections: [Correction]
    }

    public struct Body: Hashable, Sendable {
        private var source: LazyHTML
        public var headings: [DocumentHeading] {
            didSet { measuredDigest = nil }
        }

        /// Site paths of the images the body shows, as the parse stage measured them
        /// (`IssueEpubs.imageSources`) and the build cache keeps them, so that a plan need not
        /// scan every body for `<img`; nil when not measured. Setting `html` forgets them.
        public var imageSources: Set<String>?

        /// The names the body's bios give (`BioNames`), measured by the parse stage for a byline
        /// that ends in "et al." (`AuthorDirectory.bioNames(for:)`) and kept by the build cache,
        /// so that the graph need not read the body; nil when not measured. Setting `html`
        /// forgets them.
        public var bioNames: [String]?

        public var html: String {
            get { source.text }
            set {
                source = LazyHTML(newValue)
                imageSources = nil
                bioNames = nil
                measuredDigest = nil
            }
        }

        /// `digest`, as the parse made it and the cache kept it (`ParseMemo.Entry`); nil when not
        /// made yet. Setting `html` or `headings` forgets it.
        public var measuredDigest: UInt64?

        /// The digest of the whole body (`combine(into:)`): what a `.body` read digests to, and
        /// what keys an article's search record, without hashing every body of a language again.
        public var digest: UInt64 {
            if let measuredDigest { return measuredDigest }
            var digest = StableDigest()
            combine(into: &digest)
            return digest.value
        }

        public init(html: String, headings: [DocumentHeading]) {
            source = LazyHTML(html)
            self.headings = headings
        }

        /// A body read back from the build cache: its bytes become a `String` when first read as one.
        public init(utf8 html: ArraySlice<UInt8>, headings: [DocumentHeading]) {
            source = LazyHTML(utf8: html)
            self.headings = headings
        }

        /// A body whose bytes stay in the build cache's side store until something reads them:
        /// `load` runs once, on the first read; nil from it reads as an empty body (the build,
        /// told by its loader, then throws that render away).
        public init(loading load: @escaping @Sendable () -> ArraySlice<UInt8>?, headings: [DocumentHeading]) {
            source = LazyHTML(loading: load)
            self.headings = headings
        }

        /// The HTML's UTF-8, for scans and digests, which then leave a cached body undecoded.
        public func withHTMLBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try source.withUTF8(body)
        }

        public static func == (lhs: Body, rhs: Body) -> Bool {
            lhs.headings == rhs.headings && lhs.source.hasSameBytes(as: rhs.source)
        }

        public func hash(into hasher: inout Hasher) {
            withHTMLBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(headings)
        }
    }

    private var storedMeta: Meta
    private var storedBody: Body
    var storedMetaValue: Meta { storedMeta }
    var storedBodyValue: Body { storedBody }

    /// The whole of what the document says apart from its body, recorded as one read.
    public var meta: Meta {
        get { readMeta(); return storedMeta }
        set { storedMeta = newValue }
    }

    public var body: Body {
        get { readBody(); return storedBody }
        set { storedBody = newValue }
    }

    @inline(__always) private func readMeta() { DependencyRecorder.current?.record(.meta(sourcePath)) }
    @inline(__always) private func readBody() { DependencyRecorder.current?.record(.body(sourcePath)) }

    public var slug: String { get { readMeta(); return storedMeta.slug } set { storedMeta.slug = newValue } }
    public var title: String { get { readMeta(); return storedMeta.title } set { storedMeta.title = newValue } }
    public var titleHTML: String { get { readMeta(); return storedMeta.titleHTML } set { storedMeta.titleHTML = newValue } }
    public var date: PublicationDate? { get { readMeta(); return storedMeta.date } set { storedMeta.date = newValue } }
    public var frontMatter: FrontMatter { get { readMeta(); return storedMeta.frontMatter } set { storedMeta.frontMatter = newValue } }
    public var excerptHTML: String { get { readMeta(); return storedMeta.excerptHTML } set { storedMeta.excerptHTML = newValue } }
    public var readingMinutes: Int { get { readMeta(); return storedMeta.readingMinutes } set { storedMeta.readingMinutes = newValue } }
    public var summary: String { get { readMeta(); return storedMeta.summary } set { storedMeta.summary = newValue } }
    /// The DOI the front matter gives, not the one the site's pattern makes (`Article.doi`).
    public var doiOverride: DOI? { get { readMeta(); return storedMeta.doi } set { storedMeta.doi = newValue } }
    /// The licence the front matter gives, not the site's (`Article.license`).
    public var licenseOverride: License? { get { readMeta(); return storedMeta.license } set { storedMeta.license = newValue } }
    public var updated: PublicationDate? { get { readMeta(); return storedMeta.updated } set { storedMeta.updated = newValue } }
    public var corrections: [Correction] { get { readMeta(); return storedMeta.corrections } set { storedMeta.corrections = newValue } }
    public var bodyHTML: String { get { readBody(); return storedBody.html } set { storedBody.html = newValue } }
    public var headings: [DocumentHeading] { get { readBody(); return storedBody.headings } set { storedBody.headings = newValue } }
    /// `Body.imageSources`: the plan's bookkeeping, not a read of an output's.
    public var unrecordedImageSources: Set<String>? { get { storedBody.imageSources } set { storedBody.imageSources = newValue } }
    /// `Body.bioNames`: bookkeeping too (the byline's digest stands for them).
    public var unrecordedBioNames: [String]? { get { storedBody.bioNames } set { storedBody.bioNames = newValue } }
    /// `Body.measuredDigest`: bookkeeping too.
    public var unrecordedBodyDigest: UInt64? { get { storedBody.measuredDigest } set { storedBody.measuredDigest = newValue } }

    /// Meta descriptions are cut to this many display units (a CJK character counts two).
    public static let summaryWidth = 160

    public init(kind: Kind, sourcePath: String, language: String, slug: String, title: String,
                date: PublicationDate?, frontMatter: FrontMatter, bodyHTML: String, excerptHTML: String,
                headings: [DocumentHeading], translationKey: String? = nil,
                readingMinutes: Int? = nil, summary: String? = nil, titleHTML: String? = nil,
                doi: DOI? = nil, license: License? = nil,
                updated: PublicationDate? = nil, corrections: [Correction] = []) {
        self.init(kind: kind, sourcePath: sourcePath, language: language, slug: slug, title: title, date: date,
                  frontMatter: frontMatter, body: Body(html: bodyHTML, headings: headings), excerptHTML: excerptHTML,
                  translationKey: translationKey, readingMinutes: readingMinutes, summary: summary, titleHTML: titleHTML,
                  doi: doi, license: license, updated: updated, corrections: corrections)
    }

    public init(kind: Kind, sourcePath: String, language: String, slug: String, title: String,
                date: PublicationDate?, frontMatter: FrontMatter, body: Body, excerptHTML: String,
                translationKey: String? = nil,
                readingMinutes: Int? = nil, summary: String? = nil, titleHTML: String? = nil,
                doi: DOI? = nil, license: License? = nil,
                updated: PublicationDate? = nil, corrections: [Correction] = []) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.language = language
        self.translationKey = translationKey ?? frontMatter["translation_key"]?.scalarText
            ?? Self.fileStem(of: sourcePath)
        let measured: (Int, String)
        if let readingMinutes, let summary {
            measured = (readingMinutes, summary)
        } else {
            let plainBody = PlainText.from(html: body.html)
            let plainExcerpt = PlainText.from(html: excerptHTML)
            measured = (PlainText.readingMinutes(plainBody), frontMatter["description"]?.scalarText
                ?? PlainText.truncate(plainExcerpt.isEmpty ? plainBody : plainExcerpt, width: Self.summaryWidth))
        }
        storedMeta = Meta(slug: slug, title: title, titleHTML: titleHTML ?? title.markupEscaped, date: date, frontMatter: frontMatter, excerptHTML: excerptHTML,
                          readingMinutes: measured.0, summary: measured.1, doi: doi, license: license, updated: updated,
                          corrections: corrections.sorted { $0.date < $1.date })
        storedBody = body
    }

    /// `content/posts/en/2025-01-15-slug.md` -> `2025-01-15-slug`.
    /// Read on UTF-8 bytes: it runs for every document and author file, and splitting the path
    /// into Substrings to take the last cost more than parsing a short front matter.
    public static func fileStem(of path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x2F { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return path }
        let start = bytes[..<end].lastIndex(of: 0x2F).map(bytes.index(after:)) ?? bytes.startIndex
        let name = bytes[start..<end]
        guard let dot = name.lastIndex(of: 0x2E), dot != name.startIndex else { return String(Substring(name)) }
        return String(Substring(bytes[start..<dot]))
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

    /// When the work last changed after publication: the later of `updated:` and the newest
    /// correction; nil when it never did. Feeds, the sitemap and JSON-LD give it as the modification date.
    public var lastModified: PublicationDate? {
        [updated, corrections.last?.date].compactMap { $0 }.max()
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
