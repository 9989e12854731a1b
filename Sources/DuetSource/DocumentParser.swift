import DuetMarkdown
import DuetModel
import Foundation

/// Source file -> `ParsedDocument`: front matter with Jekyll's semantics, Markdown through
/// libcmark-gfm, excerpt, title, date and slug. Pure apart from the Markdown library.
public struct DocumentParser: Sendable {
    public var config: SiteConfig
    /// What Liquid in a document can see of the rest of the site (includes, URLs, `site.yml`).
    public var site: LiquidSite
    private let dates: PublicationDateParser

    public init(config: SiteConfig, site: LiquidSite = LiquidSite()) {
        self.config = config
        self.site = site
        self.dates = PublicationDateParser(timeZone: TimeZone(identifier: config.timeZone) ?? TimeZone(secondsFromGMT: 0)!)
    }

    /// The parsed document and any warnings; an error when the file cannot become a document.
    public func parse(_ file: SourceFile) throws(SourceError) -> (ParsedDocument, [Diagnostic]) {
        let path = file.path
        guard !file.data.isEmpty else { throw .emptyFile(SourceLocation(file: path, line: 1, column: 1)) }
        let text = try SourceText.decode(file.data, path: path)
        let block = try FrontMatterBlock.split(text, path: path)
        let frontMatter = try block.yaml.map { yaml throws(SourceError) in
            try FrontMatterParser.parse(yaml, firstLine: block.yamlFirstLine, path: path)
        } ?? FrontMatter()
        for key in ["title", "date", "slug", "permalink", "layout", "lang", "excerpt_separator", "excerpt",
                    "description", "image"] {
            if let entry = frontMatter.entry(key), entry.value != .null, entry.value.scalarText == nil {
                throw .wrongType(entry.location, key: key, expected: "text", found: entry.value.kindName)
            }
        }
        var warnings: [Diagnostic] = []
        if block.yaml != nil, block.body.allSatisfy(\.isWhitespace) {
            warnings.append(.warning("document has front matter but no content", at: SourceLocation(file: path, line: 1, column: 1)))
        }

        let name = FileName(stem: file.stem, isPost: file.kind == .post)
        var date = name.date.flatMap { dates.parse($0.isoDay) }
        if let entry = frontMatter.entry("date"), let written = entry.value.scalarText {
            guard let (parsed, lenient) = dates.parseLeniently(written) else { throw .invalidDate(entry.location, text: written) }
            if lenient {
                warnings.append(.warning("date '\(written)' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as \(parsed.iso8601)",
                                         at: entry.location))
            }
            date = parsed
        }
        let revisions = RevisionReader(dates: dates, path: path)
        let (updated, updatedWarnings) = revisions.updated(frontMatter, published: date)
        let (corrections, correctionWarnings) = revisions.corrections(frontMatter, yaml: block.yaml, firstLine: block.yamlFirstLine,
                                                                      published: date)
        warnings += updatedWarnings + correctionWarnings
        let language = frontMatter["lang"]?.scalarText ?? file.folderLanguage ?? config.defaultLanguage
        let separator = frontMatter["excerpt_separator"]?.scalarText ?? ExcerptSplitter.moreMarker(in: block.body) ?? config.excerptSeparator
        let markdown = MarkdownRenderer(smartPunctuation: language == "en" || language.hasPrefix("en-"))
        let kramdown = KramdownRenderer(markdown: markdown)
        let slug = frontMatter["slug"]?.scalarText ?? name.slug
        let liquid = LiquidPass(config: config, site: site, dates: dates)
        let (source, liquidDiagnostics) = liquid.render(block.body, firstLine: block.bodyFirstLine, page: .init(
            path: path, frontMatter: frontMatter, language: language,
            title: frontMatter["title"]?.scalarText ?? name.titleFromSlug, date: date, slug: slug, kind: file.kind, stem: file.stem))
        warnings += liquidDiagnostics
        let isHTML = path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm")
        func render(_ text: String, firstLine: Int) -> (RenderedMarkdown, [Diagnostic]) {
            isHTML ? (RenderedMarkdown(html: text, headings: []), []) : kramdown.render(text, path: path, firstLine: firstLine)
        }
        let (body, kramdownDiagnostics) = render(ExcerptSplitter.removingSeparator(separator, from: source), firstLine: block.bodyFirstLine)
        warnings += kramdownDiagnostics
        let excerptHTML: String
        if let explicit = frontMatter["excerpt"]?.scalarText {
            excerptHTML = kramdown.render(explicit, path: path).0.html
        } else if let excerpt = ExcerptSplitter.excerptSource(of: source, separator: separator) {
            excerptHTML = render(excerpt, firstLine: block.bodyFirstLine).0.html
        } else {
            excerptHTML = ""
        }
        warnings += Self.imagesWithoutAlt(in: block.body, firstLine: block.bodyFirstLine, path: path)
        let written = frontMatter["title"]?.scalarText
        let plain = written.map(Self.plainTitle)
        let title = plain ?? body.headings.first?.text ?? name.titleFromSlug
        // Markup only where the title was written with it; otherwise the escaped text.
        let titleHTML = written.flatMap { $0 == plain ? nil : TitleMarkup.html($0) }
        let (doi, doiWarnings) = DOIField.read(frontMatter.entry("doi"))
        let (license, licenseWarnings) = frontMatter.entry("license").map { LicenseField.read($0.value, at: $0.location) } ?? (nil, [])
        warnings += doiWarnings + licenseWarnings
        let document = ParsedDocument(
            kind: file.kind == .post ? .post : .page, sourcePath: path, language: language,
            slug: slug, title: title, date: date,
            frontMatter: frontMatter, bodyHTML: body.html, excerptHTML: excerptHTML, headings: body.headings,
            titleHTML: titleHTML, doi: doi, license: license, updated: updated, corrections: corrections)
        if !block.body.allSatisfy(\.isWhitespace), let missing = DescriptionCheck.warning(for: document) { warnings.append(missing) }
        return (document, warnings)
    }
}

extension DocumentParser {
    /// Jekyll titles carry inline HTML and entities (`&ldquo;Tides&rdquo;`, `<i>Nature</i>`): the
    /// reader should see the text, not the markup. A `<` that opens none of these tags stays text.
    static func plainTitle(_ title: String) -> String {
        let tags = ["<i>", "<em>", "<b>", "<strong>", "<code>", "<sup>", "<sub>", "<span", "<br", "<small>", "<abbr", "<a "]
        let lowered = title.lowercased()
        // Byte searches: Foundation's `contains` (a `range(of:)` each) for the twelve tags cost more
        // than the rest of the title's handling.
        let hasEntity = title.utf8.contains(UInt8(ascii: "&")) && title.range(of: "&[#a-zA-Z0-9]{2,8};", options: .regularExpression) != nil
        guard hasEntity || (lowered.utf8.contains(UInt8(ascii: "<")) && tags.contains(where: lowered.containsBytes)) else { return title }
        return PlainText.from(html: title)
    }

    /// `![](x.png)` gives readers of screen readers nothing: each image without alt text is a
    /// warning at its line (an error with `--strict`).
    static func imagesWithoutAlt(in body: String, firstLine: Int, path: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        guard body.containsBytes("![") || body.containsBytes("<img") else { return warnings }
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains("![") || line.contains("<img") {
            for column in altlessImageColumns(in: line) {
                warnings.append(.warning("image without alt text: describe it for readers who cannot see it",
                                         at: SourceLocation(file: path, line: firstLine + offset, column: column)))
            }
        }
        return warnings
    }

    /// Columns of `![](...)` (blank alt) and of `<img ...>` tags without a non-empty `alt`.
    private static func altlessImageColumns(in line: Substring) -> [Int] {
        var columns: [Int] = []
        var index = line.startIndex
        var column = 1
        while index < line.endIndex {
            let rest = line[index...]
            if rest.hasPrefix("![") {
                let inside = rest.dropFirst(2).prefix { $0 != "]" }
                if inside.allSatisfy(\.isWhitespace), rest.dropFirst(2 + inside.count).hasPrefix("](") { columns.append(column) }
            } else if rest.hasPrefix("<img"), let close = rest.firstIndex(of: ">") {
                let tag = rest[..<close]
                let hasAlt = tag.ranges(of: "alt=\"").contains { range in tag[range.upperBound...].first.map { $0 != "\"" } ?? false }
                if !hasAlt { columns.append(column) }
            }
            index = line.index(after: index)
            column += 1
        }
        return columns
    }
}

/// What a Jekyll file name says: `2025-01-15-slug` gives a date and a slug.
struct FileName {
    var date: PublicationDate?
    var slug: String

    init(stem: String, isPost: Bool) {
        let parts = stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        if isPost, parts.count == 4, parts[0].count == 4,
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            let candidate = PublicationDate(year: year, month: month, day: day)
            if candidate.isValidCalendarDate {
                date = candidate
                slug = String(parts[3])
                return
            }
        }
        date = nil
        slug = stem
    }

    /// `us-china-coordination` -> `Us China Coordination`, Jekyll's fallback title.
    var titleFromSlug: String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
