import DuetModel
import DuetSource

/// `_config.yml` -> `site.yml`: the settings Duet shares with Jekyll, jekyll-polyglot's languages,
/// and the site's own keys (copied line for line, so `{{ site.key }}` still works).
struct JekyllConfigConversion {
    var yaml: FrontMatter
    var lines: [Substring]
    var languages: [String]
    var defaultLanguage: String
    var carried: [String] = []
    var needsAPerson: [String] = []

    /// Keys that are Jekyll's machinery, not the site's content: never copied.
    static let machinery: Set<String> = [
        "markdown", "highlighter", "kramdown", "sass", "exclude", "include", "keep_files", "encoding", "future",
        "show_drafts", "incremental", "lsi", "limit_posts", "safe", "source", "destination", "plugins_dir", "layouts_dir",
        "data_dir", "includes_dir", "collections_dir", "port", "host", "livereload", "strict_front_matter", "liquid",
        "webrick", "quiet", "verbose", "profile", "unpublished", "whitelist", "gems", "plugins", "theme", "remote_theme",
        "collections", "defaults", "paginate", "paginate_path", "exclude_from_localization", "parallel_localization",
        "lang_from_path", "url", "baseurl", "title", "description", "timezone", "permalink", "languages", "default_lang",
        "lang", "excerpt_separator",
    ]

    init(_ file: JekyllSite.File, display: String) throws(AuthoringError) {
        let path = "\(display)/\(file.path)"
        do {
            yaml = try YAMLFile.parse(file.data, path: path)
        } catch {
            throw .invalid(error.diagnostic)
        }
        lines = String(decoding: file.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if case .list(let items) = yaml["languages"] ?? .null, !items.isEmpty {
            let written = items.compactMap(\.scalarText)
            languages = written.map(Self.code)
            let renamed = written.filter { Self.code($0) != $0 }
            if !renamed.isEmpty {
                needsAPerson.append("languages \(renamed.joined(separator: ", ")) become \(renamed.map(Self.code).joined(separator: ", ")) (their URLs move from /\(renamed[0])/ to /\(Self.code(renamed[0]))/); lang: keys are rewritten to match")
            }
            defaultLanguage = yaml["default_lang"]?.scalarText.map(Self.code) ?? languages[0]
            carried.append("jekyll-polyglot languages: \(languages.joined(separator: ", ")) (default \(defaultLanguage))")
        } else {
            defaultLanguage = yaml["lang"]?.scalarText.map(Self.code) ?? "en"
            languages = [defaultLanguage]
        }
        if !languages.contains(defaultLanguage) { languages.insert(defaultLanguage, at: 0) }
    }

    /// `en-US` -> `en`, `zh-CN` -> `zh`: Duet names folders and the theme's strings by language;
    /// the region or script goes in `tag`. The importer rewrites `lang:` keys to match.
    static func code(_ text: String) -> String {
        String(text.trimmingCharacters(in: .whitespaces).lowercased().split { $0 == "-" || $0 == "_" }.first ?? "en")
    }

    static let knownLanguages: [String: (tag: String, name: String, locale: String)] = [
        "en": ("en", "English", "en_US"), "zh": ("zh-Hans", "中文", "zh_CN"), "fr": ("fr", "Français", "fr_FR"),
        "de": ("de", "Deutsch", "de_DE"), "es": ("es", "Español", "es_ES"), "ja": ("ja", "日本語", "ja_JP"),
        "ko": ("ko", "한국어", "ko_KR"), "pt": ("pt", "Português", "pt_BR"), "ru": ("ru", "Русский", "ru_RU"),
    ]

    /// Jekyll's named permalink styles and placeholders in Duet's terms, under the language.
    func permalink() -> String {
        let written = yaml["permalink"]?.scalarText ?? "date"
        var pattern: String
        switch written {
        case "date", "pretty": pattern = "/:categories/:year/:month/:day/:title/"
        case "ordinal": pattern = "/:categories/:year/:title/"
        case "weekdate": pattern = "/:categories/:year/:title/"
        case "none": pattern = "/:categories/:title/"
        default: pattern = written
        }
        if pattern.hasSuffix(".html") { pattern = String(pattern.dropLast(5)) + "/" }
        if pattern.hasSuffix(":output_ext") { pattern = String(pattern.dropLast(":output_ext".count)) + "/" }
        pattern = pattern.replacingOccurrences(of: ":short_year", with: ":year").replacingOccurrences(of: ":y_day", with: ":day")
            .replacingOccurrences(of: ":slugified_categories", with: ":categories")
        return pattern.hasPrefix("/:lang") ? pattern : "/:lang" + (pattern.hasPrefix("/") ? pattern : "/" + pattern)
    }

    mutating func siteYAML(firstYear: Int?) -> String {
        var text = "# Converted from a Jekyll _config.yml by duet import jekyll.\n"
        if let title = yaml["title"]?.scalarText { text += "title: \(YAMLText.quoted(title))\n" }
        if let description = yaml["description"]?.scalarText { text += "description: \(YAMLText.quoted(description))\n" }
        let url = (yaml["url"]?.scalarText ?? "").trimmingSuffix("/")
        let baseurl = (yaml["baseurl"]?.scalarText ?? "").trimmingSuffix("/")
        if !url.isEmpty || !baseurl.isEmpty { text += "base_url: \(YAMLText.quoted(url + baseurl))\n" }
        text += "languages:\n"
        for code in languages {
            text += "  - code: \(code)\n"
            if let known = Self.knownLanguages[code] {
                text += "    tag: \(known.tag)\n    name: \(YAMLText.quoted(known.name))\n    locale: \(known.locale)\n"
            }
        }
        text += "default_language: \(defaultLanguage)\n"
        text += "permalink: \(YAMLText.quoted(permalink()))\n"
        text += "page_permalink: \"/:lang/:slug/\"\n"
        if let zone = yaml["timezone"]?.scalarText {
            if TimeZone(identifier: zone) != nil { text += "timezone: \(zone)\n" } else { needsAPerson.append("_config.yml timezone '\(zone)' is not an IANA zone; set timezone in site.yml") }
        }
        if let separator = yaml["excerpt_separator"]?.scalarText { text += "excerpt_separator: \(YAMLText.quoted(separator))\n" }
        if let firstYear { text += "first_year: \(firstYear)\n" }
        carried.append("site.yml from _config.yml: " + ["title", "description", "url", "baseurl", "timezone", "permalink", "excerpt_separator"]
            .filter { yaml[$0] != nil }.joined(separator: ", "))
        let own = yaml.entries.filter { !Self.machinery.contains($0.key) }
        if !own.isEmpty {
            text += "# The site's own settings, as {{ site.KEY }} reads them:\n"
            for entry in own { text += block(startingAt: entry.location.line) }
            carried.append("the site's own keys for {{ site.* }}: " + own.map(\.key).joined(separator: ", "))
        }
        for key in ["plugins", "gems"] {
            if case .list(let items) = yaml[key] ?? .null, !items.isEmpty {
                let names = items.compactMap(\.scalarText)
                let builtIn: Set<String> = ["jekyll-feed", "jekyll-sitemap", "jekyll-seo-tag", "jekyll-polyglot", "jekyll-paginate", "jekyll-redirect-from"]
                let others = names.filter { !builtIn.contains($0) }
                let covered = names.filter { builtIn.contains($0) }
                if !covered.isEmpty { carried.append("plugins Duet does itself (feeds, sitemap, metadata, languages, listings): \(covered.joined(separator: ", "))") }
                if !others.isEmpty { needsAPerson.append("plugins with no Duet equivalent: \(others.joined(separator: ", "))") }
            }
        }
        for key in ["theme", "remote_theme"] {
            if let theme = yaml[key]?.scalarText { needsAPerson.append("Jekyll theme '\(theme)': Duet uses its own theme; restyle in content/theme/ if needed") }
        }
        if yaml["collections"] != nil { needsAPerson.append("collections in _config.yml: Duet has posts and pages only") }
        if yaml["defaults"] != nil { needsAPerson.append("front matter defaults in _config.yml are not carried; put the keys in the files that need them") }
        return text
    }

    /// The key's line and the indented lines under it, as written.
    private func block(startingAt line: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        var text = String(lines[line - 1]) + "\n"
        var index = line
        while index < lines.count, let first = lines[index].first, first == " " || first == "\t" || first == "-" {
            text += lines[index] + "\n"
            index += 1
        }
        return text
    }
}

extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        var text = Substring(self)
        while text.last == suffix { text = text.dropLast() }
        return String(text)
    }
}

import Foundation
