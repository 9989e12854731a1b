import DuetModel
import DuetSource
import Foundation

/// A Jekyll site -> the files of a Duet content folder, and a report of what was carried over and
/// what needs a person. Pure: `JekyllSite` holds what was read; the caller writes the plan.
///
/// The Markdown of posts and pages is carried byte for byte; in front matter only a `layout:` Duet's
/// theme lacks is dropped, and on a multilingual site a page's `permalink:` gains `/:lang`.
public enum JekyllImport {
    public struct Plan: Sendable {
        /// Paths relative to the new content folder.
        public var files: [(path: String, data: Data)] = []
        public var copies: [(from: URL, to: String)] = []
        public var carried: [String] = []
        public var needsAPerson: [String] = []
    }

    static let layouts: Set<String> = ["post", "page"]
    /// Jekyll pages Duet generates itself.
    static let generated: Set<String> = ["index", "404", "feed", "sitemap", "robots", "search", "atom"]
    static let notContent = ["README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "CNAME", "CODE_OF_CONDUCT"]

    public static func plan(_ site: JekyllSite) throws(AuthoringError) -> Plan {
        guard site.config != nil || !site.posts.isEmpty else { throw .notJekyllSite(path: site.display) }
        var config = try site.config.map { file throws(AuthoringError) in try JekyllConfigConversion(file, display: site.display) }
        let languages = config?.languages ?? ["en"]
        let defaultLanguage = config?.defaultLanguage ?? "en"
        var plan = Plan()
        var taken: [String: String] = [:]
        func add(_ path: String, _ data: Data, from source: String) {
            if let earlier = taken[path] {
                plan.needsAPerson.append("\(site.display)/\(source) would be \(path), as \(site.display)/\(earlier) is; not carried")
                return
            }
            taken[path] = source
            plan.files.append((path, data))
        }

        var years: [Int] = []
        var postCounts: [String: Int] = [:]
        for post in site.posts {
            let name = post.path.split(separator: "/").last.map(String.init) ?? post.path
            let parts = name.split(separator: "-", maxSplits: 3)
            guard parts.count == 4, let year = Int(parts[0]), parts[0].count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil else {
                plan.needsAPerson.append("\(site.display)/\(post.path): not named YYYY-MM-DD-title, so Jekyll does not publish it either; not carried")
                continue
            }
            let frontMatter = FrontMatterLines(post.data)
            let folders = post.path.split(separator: "/").dropLast().map(String.init).filter { $0 != "_posts" }
            let language = frontMatter.value("lang").map(JekyllConfigConversion.code)
                ?? folders.first(where: { languages.contains(JekyllConfigConversion.code($0)) }).map(JekyllConfigConversion.code) ?? defaultLanguage
            guard languages.contains(language) else {
                plan.needsAPerson.append("\(site.display)/\(post.path): language '\(language)' is not in _config.yml's languages; not carried")
                continue
            }
            years.append(year)
            postCounts[language, default: 0] += 1
            add("posts/\(language)/\(name)", edited(frontMatter, path: post.path, site: site, plan: &plan, multilingual: languages.count > 1), from: post.path)
        }
        if !postCounts.isEmpty {
            plan.carried.append("\(postCounts.values.reduce(0, +)) posts (" + postCounts.keys.sorted().map { "\($0) \(postCounts[$0] ?? 0)" }.joined(separator: ", ") + "), Markdown unchanged")
        }
        if !site.drafts.isEmpty { plan.needsAPerson.append("\(site.drafts.count) drafts in _drafts/ are not carried; move each into posts/ with draft: true") }

        var pageCount = 0
        for page in site.pages {
            var components = page.path.split(separator: "/").map(String.init)
            let file = components.removeLast()
            let stem = ParsedDocument.fileStem(of: file)
            let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
            let frontMatter = FrontMatterLines(page.data)
            var language = frontMatter.value("lang").map(JekyllConfigConversion.code) ?? defaultLanguage
            if let first = components.first, languages.count > 1, languages.contains(JekyllConfigConversion.code(first)) {
                language = JekyllConfigConversion.code(first)
                components.removeFirst()
            }
            if components.isEmpty, generated.contains(stem) {
                plan.needsAPerson.append("\(site.display)/\(page.path): Duet makes its own \(stem == "index" ? "home page" : stem); not carried")
                continue
            }
            guard ["md", "markdown", "html", "htm"].contains(ext) else {
                plan.needsAPerson.append("\(site.display)/\(page.path): a Liquid template for a .\(ext) file; Duet has no equivalent, not carried")
                continue
            }
            let name = (stem == "index" ? components.last ?? stem : (components + [stem]).joined(separator: "-")) + "." + (ext == "htm" ? "html" : ext)
            pageCount += 1
            add("pages/\(language)/\(name)", edited(frontMatter, path: page.path, site: site, plan: &plan, multilingual: languages.count > 1), from: page.path)
        }
        if pageCount > 0 { plan.carried.append("\(pageCount) pages with front matter") }

        for include in site.includes {
            add("includes/" + include.path.dropFirst("_includes/".count), include.data, from: include.path)
        }
        if !site.includes.isEmpty { plan.carried.append("\(site.includes.count) includes from _includes/ into includes/") }

        for file in site.dataFiles {
            add("data/" + file.path.dropFirst("_data/".count), file.data, from: file.path)
        }
        if !site.dataFiles.isEmpty { plan.carried.append("\(site.dataFiles.count) data files from _data/ into data/ (site.data)") }

        let assetPaths = Set(site.assets.map { "/" + $0.path })
        let authors = try JekyllAuthors.convert(site, assetExists: assetPaths.contains)
        for (id, yaml) in authors.files { add("authors/\(id).yml", Data(yaml.utf8), from: "authors") }
        plan.carried += authors.carried
        plan.needsAPerson += authors.needsAPerson

        var assetCount = 0
        for asset in site.assets {
            let name = asset.path.split(separator: "/").last.map(String.init) ?? ""
            if !asset.path.contains("/"), notContent.contains(where: { name.uppercased().hasPrefix($0) }) {
                if name == "CNAME" { plan.needsAPerson.append("CNAME (a GitHub Pages domain): configure the domain where Duet's output is served") }
                continue
            }
            plan.copies.append((asset.url, "static/\(asset.path)"))
            assetCount += 1
        }
        if assetCount > 0 { plan.carried.append("\(assetCount) static files into static/") }

        let layouts = site.setAside.filter { $0.hasPrefix("_layouts/") }
        if !layouts.isEmpty {
            plan.needsAPerson.append("layouts (\(layouts.map { ParsedDocument.fileStem(of: $0) }.joined(separator: ", "))): Duet's theme lays pages out; restyle in content/theme/ if needed")
        }
        let others = site.setAside.filter { !$0.hasPrefix("_layouts/") }
        let folders = Set(others.map { String($0.split(separator: "/").first ?? "") }).sorted()
        if !folders.isEmpty { plan.needsAPerson.append("not carried: \(folders.joined(separator: ", ")) (plugins, styles, data files or collections Duet has no place for)") }

        let siteYAML = config?.siteYAML(firstYear: years.min()) ?? "# Converted by duet import jekyll (the site had no _config.yml).\n" + (years.min().map { "first_year: \($0)\n" } ?? "")
        plan.files.insert(("site.yml", Data(siteYAML.utf8)), at: 0)
        plan.carried = (config?.carried ?? []) + plan.carried
        plan.needsAPerson = (config?.needsAPerson ?? []) + plan.needsAPerson
        return plan
    }

    /// The file with its front matter adjusted for Duet and the body untouched.
    private static func edited(_ lines: FrontMatterLines, path: String, site: JekyllSite, plan: inout Plan, multilingual: Bool) -> Data {
        var lines = lines
        if let layout = lines.value("layout"), !layouts.contains(layout) {
            lines.remove("layout")
            plan.needsAPerson.append("\(site.display)/\(path): layout '\(layout)' has no Duet equivalent; the post uses Duet's own")
        }
        if let written = lines.value("lang"), JekyllConfigConversion.code(written) != written {
            lines.set("lang", JekyllConfigConversion.code(written))
        }
        if multilingual, let permalink = lines.value("permalink"), !permalink.contains(":lang") {
            lines.set("permalink", YAMLText.quoted("/:lang" + (permalink.hasPrefix("/") ? permalink : "/" + permalink)))
        }
        return lines.data
    }
}
