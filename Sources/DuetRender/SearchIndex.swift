import DuetModel
import Foundation

/// The search index of one language, `/en/search.json`: what the search page's script loads to
/// answer queries without a server.
///
/// For each article, newest first, a record of what results show and rank on (title, URL,
/// authors, a plain-text excerpt) and its body as a Bloom filter of body tokens (`b`, Base64).
/// Titles, authors and excerpts are matched exactly, on the text itself; the body only says
/// "contains" or "does not", which is enough to find and rank the article, at about a third of
/// the cost of the body's own text: an inverted index of Chinese character pairs would be larger
/// than the text it indexes. Tokens already in the title, authors or excerpt stay out of the filter.
struct SearchIndex: Sendable {
    /// What an article's record is made from, as the graph gives it. The excerpt's text is
    /// measured only when the record is made, so a reused record costs no HTML scan.
    struct Entry: Sendable {
        var title: String
        var url: String
        var authors: String
        var excerptHTML: String
        /// Left as the cache read it: a record whose key is unchanged never reads it as text.
        var body: ParsedDocument.Body
        var bodyHTML: String { body.html }

        /// The digest of everything the record is made from, and of the constants that shape it:
        /// equal keys, equal records (within one Duet binary, which `SearchRecordStore` checks).
        var key: UInt64 {
            var digest = SearchRecordKey()
            for constant in [SearchIndex.version, SearchIndex.bitsPerToken, SearchIndex.hashes, SearchIndex.excerptWidth] {
                digest.combine(UInt64(constant))
            }
            for field in [title, url, authors, excerptHTML] { digest.combine(field) }
            digest.combine(body.digest)
            return digest.value
        }

        /// What results show under the title: the excerpt's text, else the body's, cut like a meta description.
        var excerpt: String {
            let lead = PlainText.from(html: excerptHTML)
            return PlainText.truncate(lead.isEmpty ? PlainText.from(html: bodyHTML) : lead, width: SearchIndex.excerptWidth)
        }
    }

    var language: String
    var entries: [Entry]
    /// Each article's record as last made (`SearchRecords`): only entries whose key changed are made again.
    var records = SearchRecords()

    static let version = 1
    /// Bits per body token: about 2 % false "contains" for a one-token query at 8, less for each
    /// further token, since every token of a query must be present.
    static let bitsPerToken = 8
    static let hashes = 5
    /// Excerpts are cut like meta descriptions (a CJK character counts two).
    static let excerptWidth = 160

    /// The index as written: each record's bytes appended as they were made (or kept).
    func jsonBytes() -> Data {
        var out = Data("{\"version\":\(Self.version),\"language\":\(Self.quoted(language)),\"hashes\":\(Self.hashes),\"docs\":[".utf8)
        var urls: Set<String> = []
        for (index, entry) in entries.enumerated() {
            // Left unfinished for a newer save: `SitePlan.render` discards this output.
            if RenderInterruption.isRequested { return out }
            if index > 0 { out.append(UInt8(ascii: ",")) }
            urls.insert(entry.url)
            out.append(contentsOf: records.record(url: entry.url, language: language, key: entry.key) { Self.record(of: entry) })
        }
        records.keep(only: urls, of: language)
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// One article's record: what results show, and its body's tokens as a Bloom filter.
    static func record(of entry: Entry) -> String {
        let excerpt = entry.excerpt
        let shown = SearchTokenizer.sortedFieldTokenHashes(entry.title)
            .mergingSorted(SearchTokenizer.sortedFieldTokenHashes(entry.authors))
            .mergingSorted(SearchTokenizer.sortedFieldTokenHashes(excerpt))
        let body = SearchTokenizer.sortedTokenHashes(entry.bodyHTML, isHTML: true).subtractingSorted(shown)
        var filter = BloomFilter(count: body.count, bitsPerToken: bitsPerToken, hashes: hashes)
        for hash in body { filter.insert(hash: hash) }
        var out = "{\"t\":\(quoted(entry.title)),\"u\":\(quoted(entry.url)),"
        if !entry.authors.isEmpty { out += "\"a\":\(quoted(entry.authors))," }
        out += "\"e\":\(quoted(excerpt)),\"b\":\"\(filter.base64)\"}"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, nothing else.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension PageContextFactory {
    /// The articles of one language as the search index holds them.
    func searchIndex(language: String) -> SearchIndex {
        let entries = graph.articles(in: language).map { article -> SearchIndex.Entry in
            let document = article.document
            let names = article.byline.authorIDs.map {
                graph.author($0)?.name(in: language, fallback: defaultLanguage) ?? $0
            }
            return SearchIndex.Entry(
                title: document.title, url: links.url(article.route),
                authors: (names.isEmpty ? document.authors : names).joined(separator: strings[language].values["author_separator"] ?? ", "),
                excerptHTML: document.excerptHTML, body: document.body)
        }
        return SearchIndex(language: language, entries: entries, records: searchRecords)
    }
}
