import DuetLiquid
import DuetMarkdown
import DuetModel

/// Liquid over a post's or page's Markdown before libcmark-gfm sees it, as Jekyll does; code
/// spans and fenced code are left as written, and `render_with_liquid: false` turns it off.
struct LiquidPass {
    var config: SiteConfig
    var site: LiquidSite
    var dates: PublicationDateParser

    struct Page {
        var path: String
        var frontMatter: FrontMatter
        var language: String
        var title: String
        var date: PublicationDate?
        var slug: String
        var kind: SourceFile.Kind
        var stem: String
    }

    func render(_ body: String, firstLine: Int, page: Page) -> (String, [Diagnostic]) {
        if page.frontMatter["render_with_liquid"] == .bool(false) { return (body, []) }
        guard body.containsBytes("{{") || body.containsBytes("{%") else { return (body, []) }
        let source = LiquidSource(text: body, path: page.path, firstLine: firstLine, protected: MarkdownCodeRanges.find(in: body))
        let template = LiquidTemplate(source)
        return template.render(in: environment(for: page))
    }

    func environment(for page: Page) -> LiquidEnvironment {
        // Duet puts the base path in front of every root-relative link of a body when it renders
        // the page, so to Liquid the base path is empty and `site.url` is the whole base URL:
        // `{{ site.baseurl }}/x`, `'/x' | relative_url` and `{% post_url %}` all give `/x`, once.
        let basePath = ""
        let origin = config.absoluteBase
        let site = self.site
        let language = page.language
        let markdown = MarkdownRenderer(smartPunctuation: language == "en" || language.hasPrefix("en-"))
        var environment = LiquidEnvironment(
            url: origin, baseurl: basePath,
            include: { name in site.includes[name] },
            postURL: { site.postURL($0, language: language) },
            link: { site.linkURL($0, language: language) },
            markdownify: { markdown.render($0).html })
        let dates = self.dates
        environment.parseDate = { dates.parseLeniently($0)?.date }
        environment.now = site.now
        var siteObject = site.settings
        siteObject["url"] = .string(origin)
        siteObject["baseurl"] = .string(basePath)
        siteObject["title"] = .string(config.title(in: language))
        siteObject["description"] = config.descriptions[language].map(LiquidValue.string) ?? .null
        siteObject["lang"] = .string(language)
        siteObject["default_lang"] = .string(config.defaultLanguage)
        siteObject["posts"] = site.posts(language: language)
        siteObject["pages"] = site.pages(language: language)
        siteObject["tags"] = site.postsBy("tags", language: language)
        siteObject["categories"] = site.postsBy("categories", language: language)
        siteObject["time"] = .date(site.now)
        environment.globals["site"] = .object(siteObject)

        var pageObject = LiquidObject(page.frontMatter.entries.map { ($0.key, LiquidValue($0.value)) })
        // Jekyll turns `tags: a b` and `category: x` into lists, as listings and loops expect.
        for (key, sources) in [("tags", ["tags", "tag"]), ("categories", ["categories", "category"])] {
            let words = sources.flatMap { source -> [LiquidValue] in
                switch page.frontMatter[source] {
                case .list(let items)?: return items.map(LiquidValue.init)
                case let value?: return (value.scalarText ?? "").split(whereSeparator: \.isWhitespace).map { .string(String($0)) }
                case nil: return []
                }
            }
            pageObject[key] = .array(words)
        }
        pageObject["title"] = .string(page.title)
        pageObject["date"] = page.date.map(LiquidValue.date) ?? .null
        pageObject["lang"] = .string(language)
        pageObject["slug"] = .string(page.slug)
        pageObject["path"] = .string(page.path)
        if let url = page.kind == .post ? site.postURL(page.stem, language: language) : site.linkURL(page.path, language: language) {
            pageObject["url"] = .string(url)
        }
        environment.globals["page"] = .object(pageObject)
        return environment
    }
}
