import DuetModel
import Foundation

/// Every issue as an EPUB 3 book per language: cover, editors' note, the articles in table-of-
/// contents order, and the authors' bios. Pure: image bytes come in as `images`, read by the
/// build beforehand, and the archives go out as output files.
public struct IssueEpubs: Sendable {
    public var graph: SiteGraph
    public var strings: StringsCatalog
    /// Site path (`/images/issues/2025-q1.svg`) -> bytes, for covers and article images.
    public var images: [String: Data]

    public init(graph: SiteGraph, strings: StringsCatalog, images: [String: Data]) {
        self.graph = graph
        self.strings = strings
        self.images = images
    }

    /// `en/issues/2025-q1/issue-2025-q1-en.epub`, next to the issue page.
    public static func outputPath(issue: String, language: String, in graph: SiteGraph) -> String {
        let folder = graph.issueRoute(issue, language: language).outputPath.dropLast("index.html".count)
        return "\(folder)issue-\(issue)-\(language).epub"
    }

    /// Site paths of every image the books may embed (issue covers and images in article bodies),
    /// and of the articles' own pictures, whose sizes their pages need.
    public static func imagePaths(in graph: SiteGraph) -> Set<String> {
        var paths = Set(graph.issues.compactMap(\.cover).filter { $0.hasPrefix("/") })
        // Article pictures too: their pages need their sizes (the books do not embed them).
        paths.formUnion(graph.articles.compactMap(\.document.image).filter { $0.hasPrefix("/") && !$0.hasPrefix("//") })
        for article in graph.articles { paths.formUnion(imageSources(of: article.document)) }
        return paths
    }

    /// The images the document's body shows, as its parse measured them, else scanned now.
    public static func imageSources(of document: ParsedDocument) -> Set<String> {
        document.unrecordedImageSources ?? imageSources(inBody: document.unrecordedBody)
    }

    /// Site paths of the images an article's body shows (`<img src="/...">`), read on its bytes:
    /// the plan asks this of every body, most of which the build never reads as text.
    public static func imageSources(inBody body: ParsedDocument.Body) -> Set<String> {
        var paths: Set<String> = []
        body.withHTMLBytes { bytes in
            if bytes.firstOffset(of: Array("<img".utf8)) != nil {
                // Each `<img ` tag, read up to the next `<`.
                var start = bytes.firstIndex(of: UInt8(ascii: "<"))
                while let open = start {
                    let end = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                    start = end < bytes.count ? end : nil
                    let tag = UnsafeBufferPointer(rebasing: bytes[open..<end])
                    guard tag.starts(with: "<img ".utf8),
                          let (parsed, _) = XHTMLConverter.parseTag(tag, at: 0),
                          let source = parsed.attributes.first(where: { $0.name == "src" })?.value,
                          source.hasPrefix("/"), !source.hasPrefix("//") else { continue }
                    paths.insert(XHTMLConverter.decodeForAttribute(source))
                }
            }
        }
        return paths
    }

    /// One book per issue and language with articles.
    func outputs() -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        // Which issues have articles in which language, in one pass: asking each issue's table of
        // contents filtered and sorted every article once per issue and language.
        var filled: Set<String> = []
        for article in graph.articles { filled.insert(article.issueID + "\u{0}" + article.document.language) }
        for issue in graph.issues {
            for language in graph.config.languages {
                guard filled.contains(issue.id + "\u{0}" + language.code) else { continue }
                let path = Self.outputPath(issue: issue.id, language: language.code, in: graph)
                outputs.append(PlannedOutput(path: path, kind: .epub, source: issue.sourcePath,
                                             claimant: "the EPUB of issue \(issue.id) (\(language.code))") {
                    factory throws(RenderFailure) in
                    // The articles' text as the graph the plan renders with has it (`SitePlan.rendering(from:)`).
                    var books = self
                    books.graph = factory.graph
                    do {
                        return OutputFile(path: path, data: try EpubArchive.zip(EpubPackage.entries(of: books.book(issue, language: language))))
                    } catch {
                        throw RenderFailure(.error("could not package the EPUB \(path): \(error)",
                                                   at: SourceLocation(file: issue.sourcePath ?? path)))
                    }
                })
            }
        }
        return outputs
    }

    func book(_ issue: Issue, language: Language) -> EpubBook {
        DependencyRecorder.current?.record(.issue(issue.id))
        let words = strings[language.code]
        let defaultLanguage = graph.config.defaultLanguage
        let label = words.issueLabel(issue)
        let siteTitle = graph.config.title(in: language.code)
        let issueTitle = issue.titles[language.code] ?? issue.titles["*"] ?? issue.titles[defaultLanguage]
        let title = [siteTitle, label, issueTitle].compactMap { $0 }.joined(separator: " · ")
        var images = ImageCollector(available: images)

        var chapters: [EpubBook.Chapter] = []
        if let note = issue.notesHTML[language.code] ?? issue.notesHTML["*"] {
            let heading = words["editors_note"]
            var body = Array("<section epub:type=\"foreword\" aria-labelledby=\"c00-title\">\n<h1 id=\"c00-title\">\(heading.markupEscaped)</h1>\n".utf8)
            appendXHTML(note, to: &body, images: &images)
            body.append(contentsOf: "\n</section>".utf8)
            chapters.append(.init(id: "c00", title: heading, body: body))
        }
        var authorIDs: [String] = []
        var latest = issue.published?.secondsSinceEpoch ?? 0
        let articles = graph.tableOfContents(issue.id, language: language.code).flatMap(\.articles)
        for (number, article) in articles.enumerated() {
            let document = article.document
            latest = max(latest, document.date?.secondsSinceEpoch ?? 0)
            for id in article.byline.authorIDs where !authorIDs.contains(id) { authorIDs.append(id) }
            let names = article.byline.authorIDs.map { graph.author($0)?.name(in: language.code, fallback: defaultLanguage) ?? $0 }
            let id = "c" + (number + 1 < 10 ? "0" : "") + String(number + 1)
            let byline = names.isEmpty ? "" : "<p class=\"byline\">\(joined(names, words: words).markupEscaped)</p>\n"
            var body = Array("<section epub:type=\"chapter\" aria-labelledby=\"\(id)-title\">\n<h1 id=\"\(id)-title\">\(document.title.markupEscaped)</h1>\n\(byline)".utf8)
            appendXHTML(document.bodyHTML, to: &body, images: &images)
            body.append(contentsOf: "\n</section>".utf8)
            chapters.append(.init(id: id, title: document.title, body: body))
        }
        let authors = authorIDs.compactMap { graph.author($0) }
        if !authors.isEmpty {
            let heading = words["authors"]
            var body = Array("<section epub:type=\"contributors\" aria-labelledby=\"authors-title\">\n<h1 id=\"authors-title\">\(heading.markupEscaped)</h1>\n".utf8)
            for (index, author) in authors.enumerated() {
                let name = author.name(in: language.code, fallback: defaultLanguage)
                let affiliation = (author.affiliations[language.code] ?? author.affiliations["*"])
                    .map { "\n<p class=\"affiliation\">\($0.markupEscaped)</p>" } ?? ""
                body.append(contentsOf: "\(index == 0 ? "" : "\n")<section>\n<h2>\(name.markupEscaped)</h2>\(affiliation)".utf8)
                if let bio = author.biosHTML[language.code] ?? author.biosHTML["*"] {
                    body.append(UInt8(ascii: "\n"))
                    appendXHTML(bio, to: &body, images: &images)
                }
                body.append(contentsOf: "\n</section>".utf8)
            }
            body.append(contentsOf: "\n</section>".utf8)
            chapters.append(.init(id: "authors", title: heading, body: body))
        }

        var cover: EpubBook.Resource?
        if let path = issue.cover, let data = self.images[path], let type = EpubBook.mediaType(ofImage: path) {
            let name = path.split(separator: "/").last.map(String.init) ?? "cover"
            cover = .init(id: "cover-image", href: "images/cover-\(name)", mediaType: type, data: data)
        }
        let modified = PublicationDate(secondsSinceEpoch: latest, utcOffsetSeconds: 0)
        let issueURL = graph.config.absoluteBase + graph.issueRoute(issue.id, language: language.code).path
        return EpubBook(
            identifier: NameBasedUUID.urn(forURL: issueURL.hasPrefix("http") ? issueURL : "duet:" + issueURL),
            title: title, language: language.tag,
            modified: modified.isoDay + "T" + modified.iso8601.dropFirst(11).prefix(8) + "Z",
            creators: authorIDs.map { graph.author($0)?.name(in: language.code, fallback: defaultLanguage) ?? $0 },
            publisher: siteTitle, tocTitle: words["contents"], cover: cover,
            coverAlt: "\(words["cover_of"]) \(label)", chapters: chapters, images: images.collected,
            rights: rights(of: articles, language: language.code))
    }

    /// The articles' licence when they share one, else the site's: `Name (URL)`.
    private func rights(of articles: [Article], language: String) -> String? {
        let licenses = Set(articles.compactMap(\.license))
        guard let license = licenses.count == 1 ? licenses.first : graph.config.license else { return nil }
        return "\(license.name(in: language)) (\(license.url))"
    }

    private func joined(_ names: [String], words: Strings) -> String {
        names.enumerated().map { index, name in
            let separator = index == 0 ? "" : index == names.count - 1
                ? words.values["author_last_separator"] ?? " and " : words.values["author_separator"] ?? ", "
            return separator + name
        }.joined()
    }

    /// Rendered HTML as chapter XHTML, appended to `body`: site links become absolute URLs (or plain
    /// text without a base URL), site images are packed into the book, images it cannot pack are
    /// dropped.
    private func appendXHTML(_ html: String, to body: inout [UInt8], images: inout ImageCollector) {
        let base = graph.config.absoluteBase
        let hasHost = base.containsBytes("://")
        var collector = images
        XHTMLConverter.convert(html, into: &body) { attribute, value in
            let sitePath = value.hasPrefix("/") && !value.hasPrefix("//")
            if attribute == "src" { return sitePath ? collector.href(for: value).map { "../" + $0 } : nil }
            if sitePath { return hasHost ? base + value : nil }
            // In-page anchors and full URLs work in a book; a relative path would point inside it.
            return value.hasPrefix("#") || value.utf8.contains(UInt8(ascii: ":")) ? value : nil
        }
        images = collector
    }
}

/// The images a book embeds, each once, under `images/` with a manifest id.
struct ImageCollector {
    var available: [String: Data]
    var collected: [EpubBook.Resource] = []
    private var hrefs: [String: String] = [:]

    init(available: [String: Data]) {
        self.available = available
    }

    mutating func href(for path: String) -> String? {
        if let known = hrefs[path] { return known }
        guard let data = available[path], let type = EpubBook.mediaType(ofImage: path) else { return nil }
        let href = "images/" + path.split(separator: "/").joined(separator: "-")
        hrefs[path] = href
        collected.append(.init(id: "img\(collected.count + 1)", href: href, mediaType: type, data: data))
        return href
    }
}
