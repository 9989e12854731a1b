import DuetBuild
import Foundation
import XCTest
import ZIPFoundation

/// The `typography` fixture's Chinese post is hard-wrapped in the editor, has bare URLs followed by
/// Chinese text, emphasis, code and a captioned image. Built end to end, every place its text
/// goes reads as Chinese: no line break left between two characters, links that end at the text.
final class ChineseReadingTests: XCTestCase {
    private static let joined = "读者看到的首先是字与字之间的呼吸，其次才是内容。编辑在编辑器里手动换行"

    private var site: SiteFixture!

    override func setUpWithError() throws {
        site = try SiteFixture(fixture: "typography")
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.description)
    }

    override func tearDown() {
        site.remove()
    }

    private func epubEntry(_ book: String, _ path: String) throws -> String {
        let archive = try Archive(url: site.output.appendingPathComponent(book), accessMode: .read)
        let entry = try XCTUnwrap(archive[path], "no \(path) in \(book)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    func testArticleJoinsLinesAndEndsLinksAtChineseText() throws {
        let page = try site.page("zh/issues/2025-q1/proof-sheet/index.html")
        XCTAssertTrue(page.contains(Self.joined), page)
        XCTAssertTrue(page.contains("<em>读者不该看到这些换行</em>。"), page)
        XCTAssertTrue(page.contains(#"<a href="https://example.org/proofs/2025/sheet-12">https://example.org/proofs/2025/sheet-12</a>，然后继续阅读。另一个"#), page)
        XCTAssertTrue(page.contains(#"<a href="http://www.example.org/style">www.example.org/style</a>。规范"#), page)
        XCTAssertTrue(page.contains(#"<a href="https://example.org/%E8%A7%84%E8%8C%83">https://example.org/规范</a>"#), "explicit <...> link untouched: \(page)")
        XCTAssertTrue(page.contains(#"<code>typeset --strict 校样.md</code>，运行前先看一遍 <em class="latin">The Chicago Manual of Style</em>"#), page)
        XCTAssertTrue(page.contains("<pre><code class=\"language-sh\">typeset --strict 校样.md\n</code></pre>"), page)
        let english = try site.page("en/issues/2025-q1/proof-sheet/index.html")
        XCTAssertTrue(english.contains("notices\nthe breathing"), "English lines stay apart: \(english)")
        XCTAssertTrue(english.contains("<em>readers should never see those breaks</em>"), english)
    }

    func testArticleShowsItsImageWithCaptionAndSize() throws {
        let page = try site.page("zh/issues/2025-q1/proof-sheet/index.html")
        let figure = #"<figure class="article-figure">"# + "\n"
            + #"<img src="/images/proof-sheet.svg" alt="一张改过的校样，页边有红笔批注。" width="800" height="450">"#
            + "<figcaption>一张改过的校样，页边有红笔批注。</figcaption>\n</figure>"
        XCTAssertTrue(page.contains(figure), page)
        // An author's list of articles shows a thumbnail beside each excerpt; contents pages do not.
        let listing = try site.page("zh/authors/gu-yanzhou/index.html")
        XCTAssertFalse(try site.page("zh/issues/2025-q1/index.html").contains("thumbnail"))
        XCTAssertTrue(listing.contains(#"<img class="thumbnail" src="/images/proof-sheet.svg" alt="" width="800" height="450" loading="lazy">"#), listing)
    }

    func testListingsFeedsSearchAndMetaDescriptionReadJoined() throws {
        for path in ["zh/index.html", "zh/issues/2025-q1/index.html", "zh/authors/gu-yanzhou/index.html"] {
            XCTAssertTrue(try site.page(path).contains("<div class=\"excerpt\"><p>老校对说，排好的一页中文，" + Self.joined), path)
        }
        let article = try site.page("zh/issues/2025-q1/proof-sheet/index.html")
        XCTAssertTrue(article.contains(#"<meta name="description" content="老校对说，排好的一页中文，"# + Self.joined), article)
        XCTAssertTrue(article.contains(#"<meta property="og:description" content="老校对说，排好的一页中文，"# + Self.joined), article)
        let feed = try site.page("zh/feed.xml")
        XCTAssertTrue(feed.contains("<summary type=\"html\">&lt;p&gt;老校对说，排好的一页中文，" + Self.joined), feed)
        XCTAssertTrue(feed.contains("&lt;a href=&quot;https://example.org/proofs/2025/sheet-12&quot;&gt;https://example.org/proofs/2025/sheet-12&lt;/a&gt;，然后"), feed)
        XCTAssertTrue(try site.page("feed.xml").contains(Self.joined), "the combined feed")
        let index = try JSONSerialization.jsonObject(with: Data(try site.page("zh/search.json").utf8)) as? [String: Any]
        let docs = try XCTUnwrap(index?["docs"] as? [[String: Any]])
        XCTAssertEqual(docs.first?["e"] as? String, "老校对说，排好的一页中文，" + Self.joined + "，是为了自己改稿方便；读者不该看到这些换行。")
    }

    func testIssueNoteAndBioJoinToo() throws {
        XCTAssertTrue(try site.page("zh/issues/2025-q1/index.html").contains("本期只有一篇文章，谈的是一页文字如何排印。"))
        XCTAssertTrue(try site.page("zh/authors/gu-yanzhou/index.html").contains("在一家大学出版社做了二十年校对。"))
    }

    func testParallelViewAndEpubReadJoined() throws {
        let parallel = try site.page("en/issues/2025-q1/proof-sheet/parallel/index.html")
        XCTAssertTrue(parallel.contains(Self.joined), parallel)
        XCTAssertTrue(parallel.contains("，然后继续阅读。"), parallel)
        let chapter = try epubEntry("zh/issues/2025-q1/issue-2025-q1-zh.epub", "EPUB/text/c01.xhtml")
        XCTAssertTrue(chapter.contains(Self.joined), chapter)
        XCTAssertTrue(chapter.contains("https://example.org/proofs/2025/sheet-12</a>，然后继续阅读。"), chapter)
        let note = try epubEntry("zh/issues/2025-q1/issue-2025-q1-zh.epub", "EPUB/text/c00.xhtml")
        XCTAssertTrue(note.contains("本期只有一篇文章，谈的是一页文字如何排印。"), note)
    }

    func testRemoteImageIsShownWithoutASize() throws {
        let remote = try SiteFixture(files: ["posts/zh/2025-03-01-remote.md": """
            ---
            title: 远程图片
            date: 2025-03-01
            image: https://images.example.org/harbor.jpg
            image_alt: 港口的夜景
            ---
            正文。
            """])
        defer { remote.remove() }
        XCTAssertTrue(remote.build().succeeded)
        let page = try remote.page("zh/2025/remote/index.html")
        XCTAssertTrue(page.contains("<img src=\"https://images.example.org/harbor.jpg\" alt=\"港口的夜景\">\n</figure>"), page)
    }
}
