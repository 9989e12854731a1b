import DuetMarkdown
import XCTest

/// kramdown syntax in Jekyll posts: attribute lists land on their element, extensions go away,
/// and what Duet cannot honour is a warning at its line.
final class KramdownRendererTests: XCTestCase {
    private let renderer = KramdownRenderer(markdown: MarkdownRenderer(smartPunctuation: false))

    private func html(_ markdown: String) -> String { renderer.render(markdown, path: "p.md").0.html }
    private func warnings(_ markdown: String) -> [String] { renderer.render(markdown, path: "p.md", firstLine: 5).1.map(\.description) }

    func testSpanListsGoOnTheElementBefore() {
        XCTAssertEqual(html("See [the map](https://example.org/map){:target=\"_blank\" rel='noopener'} now."),
                       "<p>See <a href=\"https://example.org/map\" target=\"_blank\" rel=\"noopener\">the map</a> now.</p>\n")
        XCTAssertEqual(html("![A heron](heron.jpg){: .right width=\"200\"}"),
                       "<p><img src=\"heron.jpg\" alt=\"A heron\" class=\"right\" width=\"200\" /></p>\n")
        XCTAssertEqual(html("Some *stress*{:.loud} here."), "<p>Some <em class=\"loud\">stress</em> here.</p>\n")
    }

    func testBlockListsGoOnTheBlockTheyFollow() {
        XCTAssertEqual(html("A paragraph\nwith two lines.\n{: .note #first}"),
                       "<p id=\"first\" class=\"note\">A paragraph\nwith two lines.</p>\n")
        XCTAssertEqual(html("> quoted\n\n{: .pull}\n\nAfter."),
                       "<blockquote class=\"pull\">\n<p>quoted</p>\n</blockquote>\n<p>After.</p>\n")
        XCTAssertEqual(html("Ends in a hard break  \n{: .x}"), "<p class=\"x\">Ends in a hard break</p>\n",
                       "however the line break before it renders")
        XCTAssertEqual(html("```sh\nls\n```\n{: .terminal}"), "<pre class=\"terminal\"><code class=\"language-sh\">ls\n</code></pre>\n")
    }

    func testListsAfterTablesAndListsGoOnTheWholeTableOrList() {
        XCTAssertEqual(html("| a | b |\n|---|---|\n| 1 | 2 |\n{: .striped}\n"),
                       "<table class=\"striped\">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n")
        XCTAssertEqual(html("- one\n- two\n{: .steps}\n"), "<ul class=\"steps\">\n<li>one</li>\n<li>two</li>\n</ul>\n")
        XCTAssertEqual(html("- one\n- two {: .last}\n"), "<ul>\n<li>one</li>\n<li class=\"last\">two</li>\n</ul>\n")
    }

    func testHeadingIdsReplaceTheGeneratedOnes() {
        let rendered = renderer.render("## Getting started {#start}\n\n### Next {: .minor}\n", path: "p.md").0
        XCTAssertEqual(rendered.html, "<h2 id=\"start\">Getting started</h2>\n<h3 id=\"next\" class=\"minor\">Next</h3>\n")
        XCTAssertEqual(rendered.headings.map(\.id), ["start", "next"])
        XCTAssertEqual(rendered.headings.map(\.text), ["Getting started", "Next"])
    }

    func testCodeIsLeftAlone() {
        XCTAssertEqual(html("Write `{: .x}` after a block.\n\n```\n{:target=\"_blank\"}\n```"),
                       "<p>Write <code>{: .x}</code> after a block.</p>\n<pre><code>{:target=&quot;_blank&quot;}\n</code></pre>\n")
        XCTAssertEqual(html("A set {a, b} and {#not-a-heading} in prose."), "<p>A set {a, b} and {#not-a-heading} in prose.</p>\n")
    }

    func testCommentsAndOptionsAreRemoved() {
        XCTAssertEqual(html("Kept.\n\n{::comment}\nNot for readers.\n{:/comment}\n\n{::options parse_block_html=\"true\" /}\nAlso kept."),
                       "<p>Kept.</p>\n<p>Also kept.</p>\n")
        XCTAssertEqual(html("{::nomarkdown}<span>*raw*</span>{:/nomarkdown}"), "<span>*raw*</span>\n")
    }

    func testTableOfContents() {
        XCTAssertEqual(html("* TOC\n{:toc}\n\n## One\n\n## Two & three\n"), """
            <ul id="markdown-toc">
            <li class="toc-h2"><a href="#one">One</a></li>
            <li class="toc-h2"><a href="#two-three">Two &amp; three</a></li>
            </ul>
            <h2 id="one">One</h2>
            <h2 id="two-three">Two &amp; three</h2>

            """)
    }

    func testWhatDuetCannotHonourIsAWarningAtItsLine() {
        XCTAssertEqual(warnings("Intro.\n\n{::toc_extension}"),
                       ["p.md:7:1: warning: kramdown extension '{::toc_extension}' is not supported; it is left as text"])
        XCTAssertEqual(warnings("plain {: .x} words"),
                       ["p.md:5:7: warning: kramdown attribute list '{: .x}' does not follow an element; it is left as text"])
        XCTAssertEqual(html("plain {: .x} words"), "<p>plain {: .x} words</p>\n")
        XCTAssertEqual(warnings("{:ref: .x}\n\npara"),
                       ["p.md:5:1: warning: kramdown attribute list definition '{:ref: .x}' is not supported; it is left as text"])
    }

    func testOtherKramdownSyntaxIsAWarning() {
        XCTAssertEqual(warnings("The HTML spec.\n\n*[HTML]: Hypertext Markup Language\n\nTerm\n: its meaning\n\n$$ e = mc^2 $$\n\n```\n$$ in code\n```"), [
            "p.md:7:1: warning: kramdown abbreviation definitions are not supported; the line is shown as text",
            "p.md:10:1: warning: kramdown definition lists are not supported; the definition is shown as a paragraph",
            "p.md:12:1: warning: kramdown math is not rendered; '$$' and the formula are shown as text",
        ])
    }

    func testAnAuthorsPrivateUseCharactersAreNotMarkers() {
        XCTAssertEqual(html("Glyphs \u{E000}\u{E101}\u{E001} and \u{E000}x\u{E001} {: .x} stay."),
                       "<p>Glyphs \u{E000}\u{E101}\u{E001} and \u{E000}x\u{E001} {: .x} stay.</p>\n")
    }

    func testEventHandlersAreNeverCopied() {
        XCTAssertEqual(html("[x](y){:onclick=\"steal()\" title=\"t\"}"), "<p><a href=\"y\" title=\"t\">x</a></p>\n")
    }
}
