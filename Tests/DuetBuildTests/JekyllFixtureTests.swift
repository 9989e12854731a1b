import DuetBuild
import XCTest

/// `Tests/Fixtures/jekyll`: posts written the way Jekyll blogs write them (Liquid, kramdown,
/// loose front matter), built unchanged, read as a reader would get them.
final class JekyllFixtureTests: XCTestCase {
    private var site: SiteFixture!
    private var report: BuildReport!

    override func setUpWithError() throws {
        site = try SiteFixture(fixture: "jekyll")
        report = site.build()
    }

    override func tearDown() {
        site.remove()
    }

    private func body(_ path: String) throws -> String {
        let html = try site.page(path)
        guard let start = html.range(of: "<div class=\"body\">"), let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex) else {
            XCTFail("no body in \(path)")
            return ""
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    func testBuildsWithOnlyThePredictedWarnings() {
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let messages = report.diagnostics.map { "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line): \($0.message)" }
        XCTAssertEqual(messages.filter { !$0.contains("is not in the registry") }, [
            "2019-07-16-notice-to-mariners.md:3: date '2019-07-16 12:00:00 EDT' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as 2019-07-16T12:00:00-04:00",
            "2020-03-01-reading-the-marsh.md:4: date 'March 1, 2020' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as 2020-03-01T00:00:00+08:00",
            "2020-03-01-reading-the-marsh.md:21: unknown Liquid tag 'gist' left as text (Duet does not know it)",
            "2020-03-01-reading-the-marsh.md:4: date '2020-03-01 09:30 CST' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as 2020-03-01T09:30:00-06:00",
        ])
    }

    func testCodeHeavyPost() throws {
        let html = try body("en/2021/parsing-tide-tables/index.html")
        // `{% highlight %}` is exactly a fenced block: escaped, no curly quotes, no live HTML.
        XCTAssertTrue(html.contains("""
            <pre><code class="language-java">String row = &quot;&lt;td class=\\&quot;high\\&quot;&gt;&quot; + level + &quot;&lt;/td&gt;&quot;;
            if (level &gt; 3 &amp;&amp; level &lt; 9) { flag(row); }
            </code></pre>
            """), html)
        XCTAssertTrue(html.contains("<code>{{ code spans }}</code>"))
        XCTAssertTrue(html.contains("<pre><code class=\"language-liquid\">{{ page.title }} and {% if x %}\n</code></pre>"))
        XCTAssertTrue(html.contains("<p>A raw block shows {{ this }} literally.</p>"))
        XCTAssertTrue(html.contains("<h2 id=\"storage\">Where the numbers go</h2>"))
        XCTAssertTrue(html.contains("<p class=\"lead\">The readings go to <a href=\"https://example.org/lantern-lab\" target=\"_blank\">our repository</a>"))
        XCTAssertTrue(html.contains("<a href=\"/lab/en/\">the notebook’s home</a>"), "site.baseurl joins the base path once")
        XCTAssertTrue(html.contains("<a href=\"/lab/en/2020/reading-the-marsh/\">last year’s note</a>"))
        XCTAssertTrue(html.contains("<a href=\"/lab/en/about/\">the about page</a>"))
        XCTAssertTrue(html.contains("<figure class=\"wide\"><img src=\"/lab/images/harbour.gif\" alt=\"The harbour at low tide\"><figcaption>The harbour at low tide</figcaption></figure>"))
        XCTAssertTrue(html.contains("<p><strong>NOTE:</strong> Levels are in metres.</p>"))
        XCTAssertFalse(html.contains("Draft: add the second table"), "{::comment} is removed")
        XCTAssertFalse(html.contains("{:"))
    }

    func testPolyglotPostsAndKramdownTableOfContents() throws {
        let english = try body("en/2020/reading-the-marsh/index.html")
        XCTAssertTrue(english.contains("""
            <ul id="markdown-toc">
            <li class="toc-h2"><a href="#morning">Morning</a></li>
            <li class="toc-h2"><a href="#afternoon">Afternoon</a></li>
            </ul>
            """), english)
        XCTAssertTrue(english.contains("<p>We counted 0 tags and 4 posts in English.</p>"))
        XCTAssertTrue(english.contains("<ol>\n<li>Heron</li>\n<li>Egret</li>\n</ol>"))
        XCTAssertTrue(english.contains("Written on Sunday, March 1, 2020. {% gist 1234567 %}"), "an unknown tag stays, with its warning")

        let page = try site.page("en/2020/reading-the-marsh/index.html")
        XCTAssertTrue(page.contains("<a href=\"/lab/en/authors/tomas-ferrer/\">Tomás Ferrer</a>"), "an author written as a link reads as the name")
        XCTAssertFalse(page.contains("&lt;a href"))
        XCTAssertTrue(try site.page("en/authors/tomas-ferrer/index.html").contains("<a href=\"https://example.org/~tomas\">"), "and keeps the link as the web page")

        let chinese = try body("zh/2020/reading-the-marsh/index.html")
        XCTAssertTrue(chinese.contains("<p>我们在 「涨潮 之前」 出发，共有 2 篇中文笔记。</p>"), chinese)
        XCTAssertTrue(chinese.contains("<p class=\"note\" lang=\"zh-Hans\">潮汐表的读法见<a href=\"/lab/en/2021/parsing-tide-tables/\">这篇英文笔记</a>。</p>"), chinese)
    }

    func testHTMLAndMarkdownExtensionPostsFromGovernmentAndChineseBlogs() throws {
        let notice = try body("en/2019/open-data-release/index.html")
        XCTAssertTrue(notice.contains("<p>From today, The Lantern Notebook mirrors the harbour's tide readings.</p>"), "an .html post is HTML as written")
        XCTAssertTrue(notice.contains("<p class=\"tag\">Filed under data.</p>"))
        XCTAssertTrue(notice.contains("<li>OPEN-DATA</li>\n<li>RELEASES</li>"), "tags written as one string are a list")

        let chinese = try body("zh/2019/duanwu-notes/index.html")
        XCTAssertTrue(chinese.contains("<p>端午安康！今天是 2019年6月7日。</p>"), chinese)
        XCTAssertTrue(chinese.contains("<p>标签：随笔、节日</p>"))
        XCTAssertTrue(chinese.contains("<p>两个标签。</p>"))
    }

    func testRenderWithLiquidFalseAndPages() throws {
        let notice = try site.page("en/2019/notice-to-mariners/index.html")
        XCTAssertTrue(notice.contains("<title>Notice to mariners &amp; “pilots” · The Lantern Notebook</title>"), "a title's markup and entities read as text")
        XCTAssertTrue(notice.contains("<h1>Notice to <em>mariners</em> &amp; &ldquo;pilots&rdquo;</h1>"), "the heading renders the allowed markup")
        XCTAssertFalse(notice.contains("<meta name=\"description\" content=\"Notice to <em>"), "metadata keeps plain text")
        XCTAssertTrue(try body("en/2019/notice-to-mariners/index.html").contains("Template syntax such as {{ tide.level }} is printed as written"))
        let tags = try body("en/tags/index.html")
        XCTAssertTrue(tags.contains("<p><strong>open-data</strong>: <a href=\"/lab/en/2019/open-data-release/\">Harbour data released under an open licence</a></p>"), tags)
        XCTAssertTrue(tags.contains("<strong>java</strong>"))
        let about = try body("en/about/index.html")
        XCTAssertTrue(about.contains("kept by The Lantern Notebook’s two editors since 2019."))
        XCTAssertTrue(about.contains("<p>Readings come from Harbour Office, East Quay:\nInner basin (3.4 m), Outer mole (4.1 m).</p>"), "site.data from data/harbour.yml")
    }
}
