import DuetModel

/// The checks `duet check` runs over a built site, as one pure function of its pages and its file
/// list: broken links and fragments, missing assets, external loads, hreflang clusters, pages
/// sharing a URL or a canonical, and the title, description and alt text every page owes its readers.
public struct SiteRules: Sendable {
    public var resolver: LinkResolver

    public init(resolver: LinkResolver) {
        self.resolver = resolver
    }

    /// - Parameters:
    ///   - pages: every HTML page of the output, by output path (`en/x/index.html`).
    ///   - files: every file of the output (pages included), by output path.
    ///   - stylesheets: what each stylesheet of the output fetches, by output path.
    public func check(pages: [String: ScannedHTML], files: Set<String>,
                      stylesheets: [String: [StylesheetScanner.Reference]] = [:]) -> [PageFinding] {
        let ids = pages.mapValues(Self.anchors)
        let rules = self
        var findings = ParallelMap.map(pages.keys.sorted()) { path -> [PageFinding] in
            guard let page = pages[path] else { return [] }
            // A parallel reading view repeats two articles whose own pages are checked: its links,
            // images and fragments would report each of their mistakes twice more, at no source line.
            guard !path.hasSuffix("/parallel/index.html") else { return rules.headFindings(of: page, at: path) }
            return rules.references(of: page, at: path, files: files, ids: ids) + rules.headFindings(of: page, at: path)
        }.flatMap { $0 }
        for path in stylesheets.keys.sorted() {
            for reference in stylesheets[path] ?? [] {
                findings += stylesheetFindings(reference, in: path, files: files)
            }
        }
        findings += hreflangFindings(pages: pages, files: files)
        findings += sharedURLs(pages: pages)
        return findings
    }

    // MARK: Links and assets

    private func references(of page: ScannedHTML, at path: String, files: Set<String>,
                            ids: [String: Set<String>]) -> [PageFinding] {
        var findings: [PageFinding] = []
        for tag in page.tags {
            if tag.name == "img", tag["alt"] == nil {
                findings.append(PageFinding(.error, "<img> without an alt attribute: \(tag["src"] ?? "(no src)")",
                                            page: path, tag: tag, needle: tag["src"]))
            }
            for (url, kind) in Self.urls(in: tag) {
                switch resolver.resolve(url, from: path) {
                case .ignored:
                    break
                case .external(let host):
                    if kind != .link {
                        findings.append(PageFinding(.warning, "\(kind.rawValue) loaded from external host \(host): \(url)",
                                                    page: path, tag: tag, needle: url))
                    }
                case .outsideBase(let url):
                    findings.append(PageFinding(.error, "\(kind.rawValue) outside the base path \(resolver.basePath)/: \(url)",
                                                page: path, tag: tag, needle: url))
                case .page(let target, let fragment):
                    let candidates = LinkResolver.candidates(for: target)
                    guard let file = candidates.first(where: files.contains) else {
                        findings.append(PageFinding(.error, "broken \(kind.rawValue): \(url) (no \(candidates.joined(separator: " or ")) in the output)",
                                                    page: path, tag: tag, needle: url))
                        continue
                    }
                    // Browsers scroll to the top for `#top` whether or not an element has that id.
                    if let fragment, !fragment.isEmpty, fragment != "top", let anchors = ids[file], !anchors.contains(fragment) {
                        findings.append(PageFinding(.error, "missing fragment: \(url) (no id \"\(fragment)\" in \(file))",
                                                    page: path, tag: tag, needle: url))
                    }
                }
            }
        }
        return findings
    }

    private func stylesheetFindings(_ reference: StylesheetScanner.Reference, in path: String, files: Set<String>) -> [PageFinding] {
        let kind = reference.isImport ? Kind.stylesheet : .asset
        func finding(_ severity: Diagnostic.Severity, _ message: String) -> [PageFinding] {
            [PageFinding(severity, message, page: path, line: reference.line, column: reference.column, needle: reference.url)]
        }
        switch resolver.resolve(reference.url, from: path) {
        case .ignored:
            return []
        case .external(let host):
            return finding(.warning, "\(kind.rawValue) loaded from external host \(host): \(reference.url)")
        case .outsideBase(let url):
            return finding(.error, "\(kind.rawValue) outside the base path \(resolver.basePath)/: \(url)")
        case .page(let target, _):
            let candidates = LinkResolver.candidates(for: target)
            guard candidates.contains(where: files.contains) else {
                return finding(.error, "broken \(kind.rawValue): \(reference.url) (no \(candidates.joined(separator: " or ")) in the output)")
            }
            return []
        }
    }

    enum Kind: String {
        case link, image, script, stylesheet, frame, media, asset
    }

    /// Every URL a tag links to or loads, with what it is. `<a href>` to another site is a plain
    /// link; everything else a browser fetches on its own is a load.
    static func urls(in tag: HTMLTag) -> [(String, Kind)] {
        func value(_ name: String) -> [String] { tag[name].map { [$0] } ?? [] }
        func sourceSet() -> [String] {
            (tag["srcset"] ?? "").split(separator: ",").compactMap { candidate in
                candidate.split(whereSeparator: \.isWhitespace).first.map(String.init)
            }
        }
        switch tag.name {
        case "a", "area":
            return value("href").map { ($0, .link) }
        case "img":
            return (value("src") + sourceSet()).map { ($0, .image) }
        case "script":
            return value("src").map { ($0, .script) }
        case "iframe":
            return value("src").map { ($0, .frame) }
        case "video", "audio":
            return (value("src") + value("poster")).map { ($0, .media) }
        case "source":
            return (value("src") + sourceSet()).map { ($0, .media) }
        case "track", "embed":
            return value("src").map { ($0, .asset) }
        case "object":
            return value("data").map { ($0, .asset) }
        case "link":
            let rel = Set((tag["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
            if rel.contains("stylesheet") { return value("href").map { ($0, .stylesheet) } }
            if !rel.isDisjoint(with: ["icon", "preload", "modulepreload", "manifest", "apple-touch-icon"]) {
                return value("href").map { ($0, .asset) }
            }
            if !rel.isDisjoint(with: ["preconnect", "dns-prefetch"]) { return [] }
            return value("href").map { ($0, .link) }
        default:
            return []
        }
    }

    /// The ids a fragment can name: every `id`, and the `name` of old-style `<a name>` anchors.
    static func anchors(of page: ScannedHTML) -> Set<String> {
        var anchors: Set<String> = []
        for tag in page.tags {
            if let id = tag["id"] { anchors.insert(id) }
            if tag.name == "a", let name = tag["name"] { anchors.insert(name) }
        }
        return anchors
    }

    // MARK: Title and description

    private func headFindings(of page: ScannedHTML, at path: String) -> [PageFinding] {
        var findings: [PageFinding] = []
        let head = page.tags.first { $0.name == "head" } ?? page.tags.first
        func finding(_ message: String, at tag: HTMLTag?) -> PageFinding {
            PageFinding(.error, message, page: path, line: tag?.line ?? 0, column: tag?.column ?? 0)
        }
        if let title = page.title {
            if title.allSatisfy(\.isWhitespace) {
                findings.append(finding("page title is empty", at: page.tags.first { $0.name == "title" }))
            }
        } else {
            findings.append(finding("page has no <title>", at: head))
        }
        if let description = page.tags.first(where: { $0.name == "meta" && $0["name"]?.lowercased() == "description" }) {
            if (description["content"] ?? "").allSatisfy(\.isWhitespace) {
                findings.append(finding("meta description is empty", at: description))
            }
        } else {
            findings.append(finding("page has no <meta name=\"description\">", at: head))
        }
        return findings
    }

    // MARK: hreflang and canonical

    private struct Alternate {
        var hreflang: String
        var file: String
        var tag: HTMLTag
        var url: String
    }

    private func alternates(of page: ScannedHTML, at path: String, files: Set<String>) -> [Alternate] {
        page.tags.compactMap { tag in
            guard tag.name == "link", let hreflang = tag["hreflang"], let url = tag["href"],
                  (tag["rel"] ?? "").lowercased().split(separator: " ").contains("alternate"),
                  case .page(let target, _) = resolver.resolve(url, from: path),
                  let file = LinkResolver.candidates(for: target).first(where: files.contains) else { return nil }
            return Alternate(hreflang: hreflang.lowercased(), file: file, tag: tag, url: url)
        }
    }

    /// Search engines ignore an hreflang pair unless both pages name each other; and every page of
    /// a cluster should list the same set, or readers land on different versions from different pages.
    private func hreflangFindings(pages: [String: ScannedHTML], files: Set<String>) -> [PageFinding] {
        var clusters: [String: [Alternate]] = [:]
        for (path, page) in pages { clusters[path] = alternates(of: page, at: path, files: files) }
        var findings: [PageFinding] = []
        for path in clusters.keys.sorted() {
            guard let own = clusters[path] else { continue }
            for alternate in own where alternate.file != path {
                guard let theirs = clusters[alternate.file] else { continue }
                guard theirs.contains(where: { $0.file == path }) else {
                    findings.append(PageFinding(
                        .error, "hreflang not reciprocal: \(alternate.url) (\(alternate.hreflang)) does not list this page back",
                        page: path, tag: alternate.tag))
                    continue
                }
                guard path < alternate.file else { continue }
                if let difference = Self.difference(own, path, theirs, alternate.file) {
                    findings.append(PageFinding(
                        .error, "hreflang clusters differ between this page and \(alternate.url): \(difference)",
                        page: path, tag: alternate.tag))
                }
            }
        }
        return findings
    }

    /// How two pages' clusters disagree: each lists every version, itself included, under the
    /// same hreflang codes (one file may appear twice, as `en` and as `x-default`).
    private static func difference(_ a: [Alternate], _ aPath: String, _ b: [Alternate], _ bPath: String) -> String? {
        let aPairs = Set(a.map { "\($0.hreflang) \($0.file)" })
        let bPairs = Set(b.map { "\($0.hreflang) \($0.file)" })
        guard aPairs != bPairs else { return nil }
        let onlyA = aPairs.subtracting(bPairs).sorted(), onlyB = bPairs.subtracting(aPairs).sorted()
        return [onlyA.isEmpty ? nil : "only here: \(onlyA.joined(separator: ", "))",
                onlyB.isEmpty ? nil : "only there: \(onlyB.joined(separator: ", "))"]
            .compactMap { $0 }.joined(separator: "; ")
    }

    /// Two pages a static host serves at one URL (`en/x.html` and `en/x/index.html` both answer
    /// `/en/x` where clean URLs are on), or that name one canonical URL: search engines keep one.
    private func sharedURLs(pages: [String: ScannedHTML]) -> [PageFinding] {
        var owners: [String: String] = [:]
        var findings: [PageFinding] = []
        for path in pages.keys.sorted() {
            var url = path
            for suffix in ["index.html", ".html", ".htm", "/"] where url.hasSuffix(suffix) { url = String(url.dropLast(suffix.count)) }
            if let owner = owners[url] {
                findings.append(PageFinding(.error, "\(owner) and this page are both served at /\(url)", page: path))
            } else {
                owners[url] = path
            }
        }
        owners = [:]
        for path in pages.keys.sorted() {
            guard let page = pages[path],
                  let tag = page.tags.first(where: { $0.name == "link" && ($0["rel"] ?? "").lowercased() == "canonical" }),
                  let url = tag["href"] else { continue }
            let key: String
            if case .page(let target, _) = resolver.resolve(url, from: path) { key = target } else { key = url }
            if let owner = owners[key] {
                findings.append(PageFinding(.error, "canonical URL \(url) is also the canonical of \(owner)", page: path, tag: tag))
            } else {
                owners[key] = path
            }
        }
        return findings
    }
}
