import DuetModel
import Foundation

/// `content/site.yml` -> `SiteConfig`, with every mistake located at its line.
public enum SiteConfigLoader {
    public static func load(_ data: Data?, path: String) throws(SourceError) -> SiteConfig {
        try loadWithWarnings(data, path: path).config
    }

    /// The settings and the warnings (errors with `--strict`) about keys that are left out
    /// rather than stop the build: a malformed DOI prefix, an ISSN with a wrong check digit,
    /// an unknown licence.
    public static func loadWithWarnings(_ data: Data?, path: String) throws(SourceError) -> (config: SiteConfig, warnings: [Diagnostic]) {
        guard let data else { return (SiteConfig(), []) }
        let yaml = try YAMLFile.parse(data, path: path)
        var config = SiteConfig()

        let fields = RecordFields(yaml: yaml, path: path)
        func text(_ key: String) throws(SourceError) -> String? { try fields.text(key) }
        func perLanguage(_ key: String) throws(SourceError) -> [String: String]? {
            yaml.entry(key) == nil ? nil : try fields.perLanguage(key)
        }

        if let entry = yaml.entry("languages") {
            guard case .list(let items) = entry.value, !items.isEmpty else {
                throw .wrongType(entry.location, key: "languages", expected: "a list of languages", found: entry.value.kindName)
            }
            config.languages = try items.map { item throws(SourceError) in
                switch item {
                case .map(let pairs):
                    let fields = Dictionary(pairs.compactMap { p in p.value.scalarText.map { (p.key, $0) } },
                                            uniquingKeysWith: { first, _ in first })
                    guard let code = fields["code"] else {
                        throw .invalidConfig(entry.location, problem: "every language needs a 'code' (e.g. code: en)")
                    }
                    return Language(code: code, tag: fields["tag"], name: fields["name"], locale: fields["locale"])
                case let value:
                    guard let code = value.scalarText else {
                        throw .wrongType(entry.location, key: "languages", expected: "a list of languages", found: value.kindName)
                    }
                    return Language(code: code)
                }
            }
        }
        config.defaultLanguage = try text("default_language") ?? config.languages[0].code
        if config.language(config.defaultLanguage) == nil {
            throw .invalidConfig(yaml.entry("default_language")?.location ?? SourceLocation(file: path),
                                 problem: "default_language '\(config.defaultLanguage)' is not one of the declared languages")
        }
        let codes = config.languages.map(\.code)
        func expand(_ values: [String: String]?) -> [String: String]? {
            guard let values else { return nil }
            guard let shared = values["*"] else { return values }
            return Dictionary(uniqueKeysWithValues: codes.map { ($0, shared) })
        }
        config.titles = expand(try perLanguage("title")) ?? config.titles
        config.descriptions = expand(try perLanguage("description")) ?? [:]
        config.baseURL = try text("base_url") ?? config.baseURL
        config.permalink = try text("permalink") ?? config.permalink
        config.pagePermalink = try text("page_permalink") ?? config.pagePermalink
        config.excerptSeparator = try text("excerpt_separator") ?? config.excerptSeparator
        config.firstYear = try fields.integer("first_year")
        if let entry = yaml.entry("require_translations"), entry.value != .null {
            guard case .bool(let required) = entry.value else {
                throw .wrongType(entry.location, key: "require_translations", expected: "true or false", found: entry.value.kindName)
            }
            config.requireTranslations = required
        }
        if let entry = yaml.entry("sections") {
            guard case .list(let items) = entry.value else {
                throw .wrongType(entry.location, key: "sections", expected: "a list of section names", found: entry.value.kindName)
            }
            config.sections = items.compactMap(\.scalarText)
        }
        if let zone = try text("timezone") {
            guard TimeZone(identifier: zone) != nil else {
                throw .invalidConfig(yaml.entry("timezone")?.location ?? SourceLocation(file: path),
                                     problem: "unknown time zone '\(zone)' (use an IANA name such as Asia/Shanghai)")
            }
            config.timeZone = zone
        }
        let warnings = readScholarly(yaml, into: &config, locator: NestedKeyLocator(text: try SourceText.decode(data, path: path)), path: path)
        return (config, warnings)
    }
}
