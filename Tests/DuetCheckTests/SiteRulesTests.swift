import DuetCheck
import DuetModel
import XCTest

/// The site rules over hand-written pages: what counts as a load from another host, and how
/// links that a static host would serve resolve.
final class SiteRulesTests: XCTestCase {
    private func findings(_ pages: [String: String], files extra: [String] = []) -> [String] {
        let scanned = pages.mapValues(HTMLScanner.scan)
        let rules = SiteRules(resolver: LinkResolver(baseURL: "https://example.org"))
        return rules.check(pages: scanned, files: Set(pages.keys).union(extra))
            .map { "\($0.page):\($0.line): \($0.severity): \($0.message)" }
    }

    private func page(_ body: String, title: String = "A page") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><title>\(title)</title><meta name="description" content="About rivers."></head>
        <body>
        \(body)
        </body></html>
        """
    }

    func testLoadsFromOtherHostsAreWarningsAndLinksToThemAreNot() {
        let body = """
            <a href="https://news.example.com/story">a story elsewhere</a>
            <link rel="stylesheet" href="https://fonts.example.com/css2?family=Serif">
            <iframe src="https://video.example.com/embed/1" title="A talk"></iframe>
            <video src="//media.example.com/clip.mp4" poster="/poster.jpg"></video>
            <audio src="https://example.org/talk.mp3"></audio>
            <link rel="preconnect" href="https://cdn.example.net">
            """
        XCTAssertEqual(findings(["en/index.html": page(body)], files: ["poster.jpg", "talk.mp3"]), [
            "en/index.html:4: warning: stylesheet loaded from external host fonts.example.com: https://fonts.example.com/css2?family=Serif",
            "en/index.html:5: warning: frame loaded from external host video.example.com: https://video.example.com/embed/1",
            "en/index.html:6: warning: media loaded from external host media.example.com: //media.example.com/clip.mp4",
        ])
    }

    func testRelativeLinksCleanURLsAnchorsAndSourceSets() {
        let article = page("""
            <a href="../">up</a> <a href="../../../about">about, no slash</a> <a href="/en/#lead">lead</a>
            <a href="#notes">notes</a> <a name="notes"></a>
            <img src="chart.png" srcset="chart.png 1x, chart@2x.png 2x" alt="A chart of river levels">
            """)
        let home = page(#"<p id="lead">Welcome.</p>"#)
        XCTAssertEqual(findings(["en/2025/river/index.html": article, "en/2025/index.html": home, "en/index.html": home,
                                 "about/index.html": home],
                                files: ["en/2025/river/chart.png"]), [
            "en/2025/river/index.html:5: error: broken image: chart@2x.png (no en/2025/river/chart@2x.png in the output)",
        ])
    }

    func testHreflangSetsMustMatchOnEveryVersion() {
        func head(_ links: [(String, String)]) -> String {
            let alternates = links.map { #"<link rel="alternate" hreflang="\#($0.0)" href="https://example.org/\#($0.1)">"# }
            return page(alternates.joined(separator: "\n"))
        }
        let pages = [
            "en/x/index.html": head([("en", "en/x/"), ("zh-Hans", "zh/x/"), ("fr", "fr/x/")]),
            "zh/x/index.html": head([("en", "en/x/"), ("zh-Hans", "zh/x/")]),
            "fr/x/index.html": head([("fr", "fr/x/")]),
        ]
        XCTAssertEqual(findings(pages), [
            "en/x/index.html:4: error: hreflang clusters differ between this page and https://example.org/zh/x/: "
                + "only here: fr fr/x/index.html",
            "en/x/index.html:5: error: hreflang not reciprocal: https://example.org/fr/x/ (fr) does not list this page back",
        ])
    }
}
