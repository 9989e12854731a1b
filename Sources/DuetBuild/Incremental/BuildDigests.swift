import DuetModel
import DuetSource
import Foundation

/// The digests an incremental build compares with the last build's: a page is rendered again
/// exactly when the digest of its inputs differs.
enum BuildDigests {
    /// This Duet binary: a rebuilt `duet` may render differently, so its cache starts afresh.
    static let tool: UInt64 = {
        var digest = StableDigest()
        digest.combine(BuildCache.formatVersion)
        if let stamp = OutputFolder.stamp(of: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(OutputFolder.stamp(of:)) {
            digest.combine(UInt64(stamp.size))
            digest.combine(UInt64(bitPattern: Int64(stamp.modified)))
        }
        return digest.value
    }()

    /// Everything a parse result depends on: the file's bytes and place, and the site settings
    /// parsing reads (default language, time zone, excerpt separator), via the config's bytes.
    static func parseKey(_ file: SourceFile, config: StableDigest) -> UInt64 {
        var digest = config
        digest.combine(file.kind.rawValue)
        digest.combine(file.path)
        digest.combine(file.folderLanguage ?? "")
        digest.combine(bytes: file.data)
        return digest.value
    }

    /// What the site's structure is: which documents exist, where they go, in which order, in which
    /// issue, by whom. Any change here renders every page again (listings, switchers, indexes), so
    /// the per-page dependencies only need to cover what a document shows, not where it is listed.
    static func shape(of graph: SiteGraph) -> StableDigest {
        var digest = StableDigest()
        for article in graph.articles {
            digest.combine(article.document.sourcePath)
            digest.combine(article.route.path)
            digest.combine(article.document.language)
            digest.combine(article.document.translationKey)
            digest.combine(article.document.date.map { $0.iso8601 } ?? "")
            digest.combine(article.issueID)
            digest.combine(article.section ?? "\u{0}")
            digest.combine(article.order.map(String.init) ?? "")
            for id in article.byline.authorIDs { digest.combine(id) }
            digest.combine(UInt64(article.byline.namedCount))
            digest.combine(article.byline.etAl ? "et al" : "")
            digest.combine(article.previewState.rawValue)
        }
        for page in graph.pages {
            digest.combine(page.document.sourcePath)
            digest.combine(page.route.path)
            digest.combine(page.document.language)
            digest.combine(page.document.translationKey)
        }
        for issue in graph.issues { digest.combine(issue.id) }
        for (id, author) in graph.authors.sorted(by: { $0.key < $1.key }) {
            digest.combine(id)
            for language in graph.config.languages { digest.combine(author.name(in: language.code, fallback: graph.config.defaultLanguage)) }
        }
        return digest
    }

    /// What a listing of the document shows (everything but the body): pages that only list an
    /// article are not rendered again when an edit leaves all of this alone.
    static func listing(of document: ParsedDocument) -> UInt64 {
        var digest = StableDigest()
        digest.combine(document.sourcePath)
        digest.combine(document.title)
        digest.combine(document.slug)
        digest.combine(document.excerptHTML)
        digest.combine(document.summary)
        digest.combine(UInt64(document.readingMinutes))
        for entry in document.frontMatter.entries {
            digest.combine(entry.key)
            digest.combine(String(describing: entry.value))
        }
        return digest.value
    }

    static func staticFile(_ file: StaticFile) -> UInt64 {
        var digest = StableDigest()
        digest.combine(file.sourcePath)
        if let stamp = OutputFolder.stamp(of: file.url.path) {
            digest.combine(UInt64(stamp.size))
            digest.combine(UInt64(bitPattern: Int64(stamp.modified)))
        }
        return digest.value
    }
}
