import DuetModel

/// One issue's Crossref deposit (`/crossref/2025-q1.xml`): a schema 5.3.1 `doi_batch` that
/// registers every language version of every article as its own work, related to the others as
/// a translation. Written in Swift, not a template: every value is escaped, the element order
/// is the schema's, and the bytes depend on the content alone (never the clock), so the
/// incremental build and `duet export crossref` give the same file.
public struct CrossrefDeposit: Sendable {
    var graph: SiteGraph
    var links: SiteLinks
    var issue: Issue

    public init(graph: SiteGraph, issue: Issue) {
        self.graph = graph
        self.links = SiteLinks(config: graph.config)
        self.issue = issue
    }

    /// `crossref/2025-q1.xml`.
    public static func outputPath(issue: String) -> String { "crossref/\(issue).xml" }

    /// Why no deposit can be made for this site, or nil when it can: Crossref needs a prefix,
    /// a depositor and absolute URLs. Empty when the site does not register DOIs at all (there
    /// is nothing to explain to a site that never asked).
    public static func unavailability(_ config: SiteConfig) -> String? {
        guard config.doiPrefix != nil, config.crossref != nil else { return "" }
        let base = config.absoluteBase
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
            return "doi_prefix is set but base_url is not an absolute http(s) URL: Crossref registers each DOI with its "
                + "article's address, so no deposit is written"
        }
        return nil
    }

    /// The issue's articles that have a DOI, in every language, in table-of-contents order.
    var registered: [Article] {
        graph.config.languages.flatMap { language in
            graph.tableOfContents(issue.id, language: language.code).flatMap(\.articles)
        }.filter { $0.doi != nil }
    }

    public func render() -> String {
        DependencyRecorder.current?.record(.issue(issue.id))
        let config = graph.config
        let articles = registered
        var body = "<body>\n<journal>\n" + journalMetadata() + journalIssue(articles)
        for article in articles { body += journalArticle(article) }
        body += "</journal>\n</body>\n"
        // The batch is named and versioned by what it says: the same content, the same head.
        var digest = StableDigest()
        digest.combine(body)
        let hex = String(digest.value, radix: 16)
        let batchID = "duet-\(issue.id)-" + String(repeating: "0", count: 16 - hex.count) + hex
        let head = config.crossref.map { head in
            """
            <head>
            <doi_batch_id>\(xml(String(batchID.prefix(100))))</doi_batch_id>
            <timestamp>\(timestamp(articles: articles, digest: digest.value))</timestamp>
            <depositor>
            <depositor_name>\(xml(head.depositor))</depositor_name>
            <email_address>\(xml(head.email))</email_address>
            </depositor>
            <registrant>\(xml(head.registrant))</registrant>
            </head>

            """
        } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <doi_batch xmlns="http://www.crossref.org/schema/5.3.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" xmlns:ai="http://www.crossref.org/AccessIndicators.xsd" \
            xmlns:rel="http://www.crossref.org/relations.xsd" version="5.3.1" \
            xsi:schemaLocation="http://www.crossref.org/schema/5.3.1 https://www.crossref.org/schemas/crossref5.3.1.xsd">

            """ + head + body + "</doi_batch>\n"
    }

    /// Crossref keeps the deposit with the highest timestamp: the latest date of the issue and
    /// its articles (`yyyyMMddHHmmss`, UTC), then five digits of the content's digest, so a
    /// later issue date always wins and a changed deposit differs from the one before.
    private func timestamp(articles: [Article], digest: UInt64) -> String {
        let dates = articles.compactMap(\.document.date).map(\.secondsSinceEpoch) + [issue.published?.secondsSinceEpoch].compactMap { $0 }
        let utc = PublicationDate(secondsSinceEpoch: dates.max() ?? 0, utcOffsetSeconds: 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let suffix = String(digest % 100_000)
        return String(utc.year) + two(utc.month) + two(utc.day) + two(utc.hour) + two(utc.minute) + two(utc.second)
            + String(repeating: "0", count: 5 - suffix.count) + suffix
    }

    private func journalMetadata() -> String {
        let config = graph.config
        var titles: [String] = []
        for code in [config.defaultLanguage] + config.languages.map(\.code) where !titles.contains(config.title(in: code)) {
            titles.append(config.title(in: code))
        }
        var text = "<journal_metadata language=\"\(Self.languageCode(config.defaultLanguage, config))\">\n"
        text += titles.prefix(10).map { "<full_title>\(xml($0))</full_title>\n" }.joined()
        if let electronic = config.issn.electronic { text += "<issn media_type=\"electronic\">\(electronic.value)</issn>\n" }
        if let print = config.issn.print { text += "<issn media_type=\"print\">\(print.value)</issn>\n" }
        return text + "</journal_metadata>\n"
    }

    private func journalIssue(_ articles: [Article]) -> String {
        let config = graph.config
        var text = "<journal_issue>\n"
        if let title = issue.titles[config.defaultLanguage] ?? issue.titles["*"] {
            text += "<titles>\n<title>\(xml(title))</title>\n</titles>\n"
        }
        let dates = articles.compactMap(\.document.date)
        if let date = issue.published ?? dates.min(by: { $0.secondsSinceEpoch < $1.secondsSinceEpoch }) {
            text += Self.publicationDate(date)
        } else {
            text += "<publication_date media_type=\"online\">\n<year>\(issue.year)</year>\n</publication_date>\n"
        }
        text += "<journal_volume>\n<volume>\(issue.volume)</volume>\n</journal_volume>\n"
        return text + "<issue>\(issue.number)</issue>\n</journal_issue>\n"
    }

    static func publicationDate(_ date: PublicationDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "<publication_date media_type=\"online\">\n<month>\(two(date.month))</month>\n<day>\(two(date.day))</day>\n"
            + "<year>\(date.year)</year>\n</publication_date>\n"
    }

    /// The ISO 639-1 code Crossref's `language` attribute takes: `zh` for `zh-Hans`.
    static func languageCode(_ code: String, _ config: SiteConfig) -> String {
        let tag = config.language(code)?.tag ?? code
        return String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}

/// Text for XML: the five markup characters escaped, and the control characters XML 1.0 cannot
/// carry at all dropped.
func xml(_ text: String) -> String {
    let clean = text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
        : text
    return clean.markupEscaped
}
