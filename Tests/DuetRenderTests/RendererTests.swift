import DuetModel
@testable import DuetRender
import XCTest

final class RendererTests: XCTestCase {
    private func theme() throws -> Theme {
        func layout(_ name: String, _ text: String) -> TemplateSource {
            TemplateSource(name: name, role: .layout, path: "themes/tiny/layouts/\(name).mustache", text: text)
        }
        return try Theme(templates: [
            TemplateSource(name: "base", role: .partial, path: "themes/tiny/partials/base.mustache",
                           text: "<html lang=\"{{lang_tag}}\"><title>{{document_title}}</title>{{$main}}{{/main}}</html>"),
            layout("post", "{{<base}}{{$main}}{{#page}}<h1>{{title}}</h1><time datetime=\"{{date_iso}}\">{{date}}</time>"
                   + "<p class=\"by\">{{authors}}</p><article>{{{content}}}</article>{{/page}}{{/main}}{{/base}}"),
            layout("page", "{{<base}}{{$main}}{{#page}}<section>{{{content}}}</section>{{/page}}{{/main}}{{/base}}"),
            layout("home", "{{<base}}{{$main}}<ul>{{#articles}}<li><a href=\"{{url}}\">{{title}}</a> {{date}}{{{excerpt}}}</li>{{/articles}}</ul>{{/main}}{{/base}}"),
            layout("root", "{{#languages}}<a href=\"{{url}}\">{{name}}</a>{{/languages}}"),
            layout("404", "{{t.not_found_title}}"),
        ], strings: [
            "en": Strings(values: ["not_found_title": "Not found", "author_separator": " & ", "date_format": "d MMMM y"]),
            "zh": Strings(values: ["not_found_title": "未找到", "date_format": "y年M月d日"], locale: "zh-Hans"),
        ])
    }

    private let config = SiteConfig(titles: ["en": "Duet", "zh": "双声"], baseURL: "https://example.org/review/",
                                    languages: [Language(code: "en", name: "English"), Language(code: "zh", tag: "zh-Hans", name: "中文")])

    private func article(path: String, language: String = "en", slug: String, title: String,
                         frontMatter: [FrontMatter.Entry] = [], body: String) throws -> Article {
        let document = ParsedDocument(
            kind: .post, sourcePath: path, language: language, slug: slug, title: title,
            date: PublicationDate(year: 2025, month: 1, day: 15, hour: 6, utcOffsetSeconds: 28_800),
            frontMatter: FrontMatter(entries: frontMatter), bodyHTML: body, excerptHTML: "<p>Lead of \(slug).</p>",
            headings: [])
        return Article(document: document, route: try Route.validated("/\(language)/2025/\(slug)/"))
    }

    private func output(_ files: [OutputFile], _ path: String) -> String? {
        files.first { $0.path == path }?.contents
    }

    /// The manifest claims every output: a post on a static file's path or on a generated page's
    /// is one error naming both, at the post.
    func testPostClashingWithAStaticFileOrAGeneratedPageIsOneErrorNamingBoth() throws {
        let onStylesheet = try article(path: "content/posts/en/2025-01-15-a.md", slug: "a", title: "A", body: "")
        var styled = onStylesheet
        styled.route = try Route.validated("/css/duet.css")
        var home = try article(path: "content/posts/en/2025-01-16-home.md", slug: "home", title: "Home", body: "")
        home.route = try Route.validated("/en/")
        let plan = Renderer(theme: try theme()).plan(SiteGraph(config: config, articles: [styled, home], pages: []),
                                                     staticFiles: [CopiedFile(outputPath: "css/duet.css", source: "themes/default/static/css/duet.css")])
        XCTAssertEqual(plan.diagnostics.map(\.message).sorted(), [
            "URL /css/duet.css is produced twice: by content/posts/en/2025-01-15-a.md and by themes/default/static/css/duet.css",
            "URL /en/ is produced twice: by the generated en home page and by content/posts/en/2025-01-16-home.md",
        ])
        XCTAssertEqual(plan.diagnostics.map(\.location.file).sorted(), ["content/posts/en/2025-01-16-home.md", "themes/default/static/css/duet.css"])
        XCTAssertEqual(plan.outputs.filter { $0.path == "css/duet.css" }.map(\.kind), [.page], "claimed once")
    }

    /// What a page's render reads is recorded, not declared: the home page lists the article
    /// (its title: `.meta`) but never shows its body; the article's page reads both.
    func testRenderRecordsWhatEachOutputRead() throws {
        let post = try article(path: "content/posts/en/2025-01-15-harbour.md", slug: "harbour", title: "Harbour", body: "<p>Body.</p>")
        let plan = Renderer(theme: try theme()).plan(SiteGraph(config: config, articles: [post], pages: []))
        let (outputs, failures) = plan.renderAll()
        XCTAssertEqual(failures, [])
        let reads = Dictionary(outputs.map { ($0.file.path, $0.dependencies) }, uniquingKeysWith: { first, _ in first })
        let home = try XCTUnwrap(reads["en/index.html"])
        XCTAssertTrue(home.contains(.meta(post.document.sourcePath)))
        XCTAssertFalse(home.contains(.body(post.document.sourcePath)))
        XCTAssertTrue(home.contains(.query(.articlesIn("en"))))
        XCTAssertTrue(home.contains(.layout("home")))
        let page = try XCTUnwrap(reads["en/2025/harbour/index.html"])
        XCTAssertTrue(page.contains(.body(post.document.sourcePath)))
        XCTAssertTrue(page.contains(.strings("en")))
        XCTAssertFalse(try XCTUnwrap(reads["index.html"]).contains(.meta(post.document.sourcePath)), "the language chooser lists no article")
    }

    func testPostPageContainsTheRenderedBody() throws {
        let post = try article(path: "content/posts/en/2025-01-15-harbour.md", slug: "harbour", title: "Harbour Talks",
                               frontMatter: [FrontMatter.Entry(key: "authors", value: .list([.string("Ana"), .string("Bo")]),
                                                               location: SourceLocation(file: "x", line: 2))],
                               body: "<p>The <del>old</del> body &amp; more.</p>\n")
        let graph = SiteGraph(config: config, articles: [post], pages: [])
        let (files, diagnostics) = Renderer(theme: try theme()).render(graph)
        XCTAssertEqual(diagnostics, [])
        let html = try XCTUnwrap(output(files, "en/2025/harbour/index.html"))
        XCTAssertTrue(html.contains("<article><p>The <del>old</del> body &amp; more.</p>\n</article>"), html)
        XCTAssertTrue(html.contains("<h1>Harbour Talks</h1>"), html)
        XCTAssertTrue(html.contains("<time datetime=\"2025-01-15T06:00:00+08:00\">15 January 2025</time>"), html)
        XCTAssertTrue(html.contains("<title>Harbour Talks · Duet</title>"), html)
        XCTAssertTrue(html.contains("<p class=\"by\">Ana &amp; Bo</p>"), html)
    }

    func testEveryGeneratedPageIsWritten() throws {
        let en = try article(path: "content/posts/en/a.md", slug: "a", title: "A", body: "<p>a</p>")
        let zh = try article(path: "content/posts/zh/b.md", language: "zh", slug: "b", title: "乙", body: "<p>乙</p>")
        let (files, diagnostics) = Renderer(theme: try theme()).render(SiteGraph(config: config, articles: [en, zh], pages: []))
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(Set(files.map(\.path)), ["en/2025/a/index.html", "zh/2025/b/index.html", "en/index.html", "en/feed.xml", "zh/feed.xml",
                                                "zh/index.html", "index.html", "404.html", "en/issues/index.html", "zh/issues/index.html",
                                                "en/authors/index.html", "zh/authors/index.html",
                                                // A theme without `search` and `parallel` layouts gets neither page.
                                                "en/404.html", "zh/404.html", "feed.xml", "robots.txt", "sitemap.xml",
                                                // Citation files, whatever the theme.
                                                "en/2025/a/cite.ris", "en/2025/a/cite.bib", "en/2025/a/cite.json",
                                                "zh/2025/b/cite.ris", "zh/2025/b/cite.bib", "zh/2025/b/cite.json"])
        let zhHome = try XCTUnwrap(output(files, "zh/index.html"))
        XCTAssertTrue(zhHome.contains("<html lang=\"zh-Hans\">"), zhHome)
        XCTAssertTrue(zhHome.contains("<a href=\"/review/zh/2025/b/\">乙</a> 2025年1月15日<p>Lead of b.</p>"), zhHome)
        XCTAssertFalse(zhHome.contains("/en/2025/a/"), "a language's home lists only its own articles")
        XCTAssertEqual(output(files, "index.html"), "<a href=\"/review/en/\">English</a><a href=\"/review/zh/\">中文</a>")
        XCTAssertEqual(output(files, "404.html"), "Not found")
    }

    func testUnknownLayoutIsReportedAtTheLayoutLine() throws {
        let path = "content/posts/en/2025-01-15-wide.md"
        let post = try article(path: path, slug: "wide", title: "Wide", frontMatter: [
            FrontMatter.Entry(key: "title", value: .string("Wide"), location: SourceLocation(file: path, line: 2, column: 1)),
            FrontMatter.Entry(key: "layout", value: .string("wide"), location: SourceLocation(file: path, line: 3, column: 1)),
        ], body: "<p>w</p>")
        let (files, diagnostics) = Renderer(theme: try theme()).render(SiteGraph(config: config, articles: [post], pages: []))
        XCTAssertEqual(diagnostics.map(\.description),
                       ["\(path):3:1: warning: unknown layout 'wide' (the theme has: 404, home, page, post, root); using 'post'"])
        XCTAssertNotNil(output(files, "en/2025/wide/index.html"), "a Jekyll layout name falls back to the theme's own")
    }

    func testPageUsesThePageLayout() throws {
        let document = ParsedDocument(kind: .page, sourcePath: "content/pages/en/about.md", language: "en", slug: "about",
                                      title: "About", date: nil, frontMatter: FrontMatter(), bodyHTML: "<p>Who we are.</p>",
                                      excerptHTML: "", headings: [])
        let page = Page(document: document, route: try Route.validated("/en/about/"))
        let (files, _) = Renderer(theme: try theme()).render(SiteGraph(config: config, articles: [], pages: [page]))
        let html = try XCTUnwrap(output(files, "en/about/index.html"))
        XCTAssertTrue(html.contains("<section><p>Who we are.</p></section>"), html)
    }
}
