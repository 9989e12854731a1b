import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// Liquid as the document parser runs it: before Markdown, never in code, located in the file.
final class LiquidDocumentTests: XCTestCase {
    private let front = "---\ntitle: Harbour Talks\ndescription: d\n---\n"

    func testHighlightRendersExactlyAsTheFencedBlock() throws {
        let code = "Map<String, List<Integer>> m = new HashMap<>(); // \"quoted\" -- dashes\n  if (a && b) {}"
        let highlighted = try XCTUnwrap(parsedDocument(front + "Before.\n{% highlight java %}\n\(code)\n{% endhighlight %}\nAfter.\n"))
        let fenced = try XCTUnwrap(parsedDocument(front + "Before.\n\n```java\n\(code)\n```\n\nAfter.\n"))
        XCTAssertEqual(highlighted.bodyHTML, fenced.bodyHTML)
        XCTAssertTrue(fenced.bodyHTML.contains("<pre><code class=\"language-java\">Map&lt;String, List&lt;Integer&gt;&gt;"))
    }

    func testCodeIsNeverEvaluatedAndRenderWithLiquidFalseTurnsItOff() throws {
        let document = try XCTUnwrap(parsedDocument(front + "`{{ page.title }}` is {{ page.title }}.\n\n~~~\n{% if %}\n~~~\n"))
        XCTAssertEqual(document.bodyHTML, "<p><code>{{ page.title }}</code> is Harbour Talks.</p>\n<pre><code>{% if %}\n</code></pre>\n")
        let off = try XCTUnwrap(parsedDocument("---\ntitle: T\ndescription: d\nrender_with_liquid: false\n---\n{{ page.title }} {% bogus %}\n"))
        XCTAssertEqual(off.bodyHTML, "<p>{{ page.title }} {% bogus %}</p>\n")
    }

    func testDiagnosticsCountLinesFromTheTopOfTheFile() throws {
        let (_, warnings) = try XCTUnwrap(parsed(sourceFile(front + "One.\n\n说明：{% youtube x %}\n")))
        XCTAssertEqual(warnings.map(\.description), [
            "content/posts/en/2025-01-15-harbour-talks.md:7:4: warning: unknown Liquid tag 'youtube' left as text (Duet does not know it)",
        ])
    }

    func testPageURLIsTheURLTheGraphWillGive() throws {
        let config = SiteConfig(titles: ["en": "R"], permalink: "/:lang/:year/:slug/")
        let file = sourceFile(front + "Share {{ page.url | absolute_url }}.\n")
        let tree = SourceTree(config: nil, configPath: "content/site.yml", documents: [file], staticFiles: [], issueFiles: [],
                              authorFiles: [], diagnostics: [])
        let (document, _) = try DocumentParser(config: config, site: LiquidSite(tree: tree, config: config)).parse(file)
        XCTAssertEqual(document.bodyHTML, "<p>Share /en/2025/harbour-talks/.</p>\n")
    }

    func testPageVariablesAndSiteSettings() throws {
        let config = SiteConfig(titles: ["en": "The Review"], baseURL: "https://example.org/review")
        let text = "---\ntitle: T\ndescription: d\ndate: 2025-01-15 09:30:00 +0800\ntags: [a, b]\n---\n"
            + "{{ site.title }} {{ site.url | remove: 'https://' | remove: '.org' }} {{ page.date | date: '%-d %B %Y %H:%M' }} {{ page.tags | join: '+' }} {{ page.lang }}\n"
        let document = try XCTUnwrap(parsedDocument(text, config: config))
        XCTAssertEqual(document.bodyHTML, "<p>The Review example/review 15 January 2025 09:30 a+b en</p>\n")
    }
}
