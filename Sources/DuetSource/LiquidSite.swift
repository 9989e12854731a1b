import DuetLiquid
import DuetModel
import Foundation

/// What Liquid in one document may see of the rest of the site: `site.yml`'s keys, the includes
/// folders, and each post's and page's URL for `post_url`, `link` and `site.posts`.
///
/// Built once per build from the loaded files, before documents are parsed in parallel; its
/// `digest` joins the parse cache key, so a changed include or a renamed post parses again.
public struct LiquidSite: Sendable {
    struct Entry: Sendable {
        var stem: String
        /// Path inside the content folder (`posts/en/2021-09-21-x.md`).
        var relativePath: String
        var kind: SourceFile.Kind
        var language: String
        var url: String
        var title: String
        var date: PublicationDate?
        var frontMatter: FrontMatter
    }

    var includes: [String: LiquidEnvironment.IncludeFile] = [:]
    var settings = LiquidObject()
    var entries: [Entry] = []
    var now = PublicationDate(year: 1970, month: 1, day: 1)
    public private(set) var digest = StableDigest()
    /// True when some document asks for other documents' URLs (`post_url`, `site.posts`, ...):
    /// the index is then made from every document's bytes.
    public var indexesDocuments: Bool { !entries.isEmpty }
    /// Data files that could not be read as YAML; the build reports them.
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// - Parameters:
    ///   - themeIncludes: the theme's `includes/` (the content's own win on a name clash).
    ///   - now: what `'now' | date` prints.
    public init(tree: SourceTree, config: SiteConfig, themeIncludes: [String: SourceFile] = [:], now: Date = Date()) {
        for (name, file) in themeIncludes.merging(tree.includes, uniquingKeysWith: { _, content in content }) {
            includes[name] = .init(path: file.path, text: String(decoding: file.data, as: UTF8.self))
        }
        for name in includes.keys.sorted() {
            digest.combine(name)
            digest.combine(includes[name]?.text ?? "")
        }
        if let data = tree.config, let yaml = try? YAMLFile.parse(data, path: tree.configPath) {
            for entry in yaml.entries { settings[entry.key] = LiquidValue(entry.value) }
        }
        var data = LiquidObject()
        for name in tree.dataFiles.keys.sorted() {
            guard let file = tree.dataFiles[name] else { continue }
            do {
                let value = LiquidValue(try YAMLFile.value(file.data, path: file.path))
                let folders = name.split(separator: "/").dropLast().map(String.init)
                Self.insert(value, at: folders + [ParsedDocument.fileStem(of: name)], into: &data)
                digest.combine(bytes: file.data)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        if !data.keys.isEmpty { settings["data"] = .object(data) }
        self.now = PublicationDate(secondsSinceEpoch: Int64(now.timeIntervalSince1970), utcOffsetSeconds: 0)
        // The URL index costs a front matter parse of every document: only sites that ask for it pay.
        let wanted = ["post_url", "{% link", "{%- link", "site.posts", "site.pages", "site.tags", "site.categories", "page.url"]
        guard tree.documents.contains(where: { file in wanted.contains { file.data.containsBytes(of: $0) } }) else { return }
        let parser = PublicationDateParser(timeZone: TimeZone(identifier: config.timeZone) ?? TimeZone(secondsFromGMT: 0)!)
        let root = tree.configPath.hasSuffix("/site.yml") ? String(tree.configPath.dropLast("site.yml".count)) : ""
        for file in tree.documents {
            guard let entry = Self.entry(for: file, config: config, dates: parser, root: root) else { continue }
            entries.append(entry)
            digest.combine(entry.relativePath)
            digest.combine(entry.url)
            digest.combine(entry.title)
        }
        entries.sort { ($0.date?.secondsSinceEpoch ?? 0, $0.stem) > ($1.date?.secondsSinceEpoch ?? 0, $1.stem) }
    }

    /// With the theme's `includes/` folder as well as the content's.
    public init(tree: SourceTree, config: SiteConfig, theme: URL, themeDisplay: String, now: Date = Date()) {
        let (themeIncludes, _) = SourceTree.includeFiles(under: theme.appendingPathComponent("includes"), display: "\(themeDisplay)/includes")
        self.init(tree: tree, config: config, themeIncludes: themeIncludes, now: now)
    }

    /// A document's URL as the site graph will give it, read from its name and front matter only.
    private static func entry(for file: SourceFile, config: SiteConfig, dates: PublicationDateParser, root: String) -> Entry? {
        guard let text = try? SourceText.decode(file.data, path: file.path),
              let block = try? FrontMatterBlock.split(text, path: file.path) else { return nil }
        let frontMatter = block.yaml.flatMap { try? FrontMatterParser.parse($0, firstLine: block.yamlFirstLine, path: file.path) } ?? FrontMatter()
        let name = FileName(stem: file.stem, isPost: file.kind == .post)
        let date = frontMatter["date"]?.scalarText.flatMap { dates.parseLeniently($0)?.date } ?? name.date.flatMap { dates.parse($0.isoDay) }
        let language = frontMatter["lang"]?.scalarText ?? file.folderLanguage ?? config.defaultLanguage
        let slug = frontMatter["slug"]?.scalarText ?? name.slug
        let document = ParsedDocument(kind: file.kind == .post ? .post : .page, sourcePath: file.path, language: language,
                                      slug: slug, title: frontMatter["title"]?.scalarText ?? name.titleFromSlug, date: date,
                                      frontMatter: frontMatter, bodyHTML: "", excerptHTML: "", headings: [],
                                      readingMinutes: 0, summary: "")
        var issue = ""
        if file.kind == .post {
            if let named = frontMatter["issue"]?.scalarText {
                issue = Issue.quarterKey(named).map { Issue.id(year: $0.year, quarter: $0.quarter) } ?? named.lowercased()
            } else if let date {
                issue = Issue.id(year: date.year, quarter: (date.month - 1) / 3 + 1)
            }
        }
        let pattern = frontMatter["permalink"]?.scalarText ?? (file.kind == .post ? config.permalink : config.pagePermalink)
        let relative = file.path.hasPrefix(root) ? String(file.path.dropFirst(root.count)) : file.path
        return Entry(stem: file.stem, relativePath: relative, kind: file.kind, language: language,
                     url: PermalinkPattern(pattern).expand(for: document, issue: issue), title: document.title,
                     date: date, frontMatter: frontMatter)
    }

    /// `data/team/members.yml` is `site.data.team.members`.
    private static func insert(_ value: LiquidValue, at path: [String], into object: inout LiquidObject) {
        guard let first = path.first else { return }
        guard path.count > 1 else { object[first] = value; return }
        var inner: LiquidObject
        if case .object(let existing)? = object[first] { inner = existing } else { inner = LiquidObject() }
        insert(value, at: Array(path.dropFirst()), into: &inner)
        object[first] = .object(inner)
    }

    /// `post_url NAME`: the post in the page's own language first, as a bilingual site expects.
    func postURL(_ name: String, language: String) -> String? {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let last = stem.split(separator: "/").last.map(String.init) ?? stem
        let posts = entries.filter { $0.kind == .post && $0.stem == last }
        return (posts.first { $0.language == language } ?? posts.first)?.url
    }

    /// `link PATH`: a path in the content folder, or Jekyll's own (`_posts/x.md`, `about.md`).
    func linkURL(_ path: String, language: String) -> String? {
        var path = Substring(path)
        while path.hasPrefix("/") { path = path.dropFirst() }
        if let exact = entries.first(where: { $0.relativePath == path }) { return exact.url }
        if path.hasPrefix("_posts/") { return postURL(String(path.dropFirst("_posts/".count)), language: language) }
        let stem = ParsedDocument.fileStem(of: String(path))
        let pages = entries.filter { $0.kind == .page && $0.stem == stem }
        return (pages.first { $0.language == language } ?? pages.first)?.url
    }

    /// `site.pages`, in the page's language.
    func pages(language: String) -> LiquidValue {
        .array(entries.filter { $0.kind == .page && $0.language == language }.map { entry in
            var object = LiquidObject(entry.frontMatter.entries.map { ($0.key, LiquidValue($0.value)) })
            object["title"] = .string(entry.title)
            object["url"] = .string(entry.url)
            object["lang"] = .string(entry.language)
            return .object(object)
        })
    }

    /// `site.tags` / `site.categories`: each name with its posts, as Jekyll's tag pages loop over them.
    func postsBy(_ key: String, language: String) -> LiquidValue {
        var groups = LiquidObject()
        guard case .array(let posts) = self.posts(language: language) else { return .object(groups) }
        for post in posts {
            let names: [String]
            switch post.member(.string(key)) {
            case .array(let items): names = items.map(\.text)
            case .string(let text): names = text.split(whereSeparator: \.isWhitespace).map(String.init)
            default: names = []
            }
            for name in names {
                if case .array(let existing)? = groups[name] { groups[name] = .array(existing + [post]) } else { groups[name] = .array([post]) }
            }
        }
        return .object(groups)
    }

    /// `site.posts`, newest first, in the page's language (as each language of a polyglot site lists its own).
    func posts(language: String) -> LiquidValue {
        .array(entries.filter { $0.kind == .post && $0.language == language }.map { entry in
            var object = LiquidObject(entry.frontMatter.entries.map { ($0.key, LiquidValue($0.value)) })
            object["title"] = .string(entry.title)
            object["url"] = .string(entry.url)
            object["date"] = entry.date.map(LiquidValue.date) ?? .null
            object["lang"] = .string(entry.language)
            return .object(object)
        })
    }
}
