import DuetCheck
import DuetModel
import Foundation
import XCTest

/// `duet check` over real builds: the sample publication is clean, and a site seeded with one
/// mistake of each kind reports exactly those, each at the line that produced it.
final class SiteCheckTests: XCTestCase {
    func testSamplePublicationHasNoFindings() throws {
        let site = try TempSite.sample()
        defer { site.remove() }
        let build = site.build()
        XCTAssertTrue(build.succeeded, build.diagnostics.map(\.description).joined(separator: "\n"))
        let report = SiteChecker(output: site.output.path, source: site.content.path,
                                 theme: TempSite.defaultTheme.path, typography: true).run()
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertEqual(report.pageCount, build.pageCount)
        XCTAssertEqual(report.summary, "Checked \(build.pageCount) pages: 0 errors, 0 warnings")
    }

    func testSiteUnderABasePathHasNoFindings() throws {
        let site = try TempSite.copy(fixture: "basic")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.page("en/index.html").contains(#"href="/review/en/"#), "the fixture publishes under /review/")
        let report = SiteChecker(output: site.output.path, source: site.content.path, typography: true).run()
        XCTAssertEqual(report.diagnostics.map(\.description), [])
    }

    func testIssueNotesAndBiographiesAreTracedToTheirFiles() throws {
        let site = try TempSite(files: [
            "posts/en/2025-02-11-delta.md": "---\ntitle: Delta\nauthor: Ines Hartwell\n---\n\nThe delta in winter.\n",
            "issues/2025-q1.yml": """
                title:
                  en: Winter Water
                note:
                  en: |
                    This issue follows the delta through a dry winter.

                    Earlier notes are in [the old archive](/en/old-archive/).
                """,
            "authors/ines-hartwell.yml": """
                name:
                  en: Ines Hartwell
                bio:
                  en: |
                    Ines Hartwell maps wetlands. ![Her field notebook](https://img.example.com/notebook.jpg)
                """,
        ])
        defer { site.remove() }
        let build = site.build()
        XCTAssertTrue(build.succeeded, build.diagnostics.map(\.description).joined(separator: "\n"))
        let report = SiteChecker(output: site.output.path, source: site.content.path).run()
        let content = site.content.path
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "\(content)/authors/ines-hartwell.yml:5:56: warning: image loaded from external host img.example.com: "
                + "https://img.example.com/notebook.jpg",
            "\(content)/issues/2025-q1.yml:7:44: error: broken link: /en/old-archive/ (no en/old-archive/index.html in the output)",
        ])
    }

    static let seededPost = """
        ---
        title: River Survey
        description: What a spring walk along the lower river showed.
        ---

        Survey teams walked the lower river for nine days in March.

        Read the [survey methods](/en/2025/survey-methods/) before the findings.

        The [tide table](#tide-tables) is at the end.

        <img src="/images/gauge.svg">

        ## Tide table

        High water came forty minutes later than the almanac said.
        """

    static let seededTranslation = """
        ---
        title: 河道调查
        description: 春季沿下游步行调查的发现。
        ---

        调查队三月沿河下游走了九天。
        """

    /// Built, then edited the way a broken theme or a hand-edited output would leave it.
    static func seededSite() throws -> TempSite {
        let site = try TempSite(files: [
            "posts/en/2025-03-04-river-survey.md": seededPost,
            "posts/zh/2025-03-04-river-survey.md": seededTranslation,
            "static/images/gauge.svg": #"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#,
        ])
        let build = site.build()
        guard build.succeeded else { throw DiagnosticError(build.diagnostics) }
        // The Chinese version stops naming the English one; the English home loads a script from a CDN.
        let zhPage = "zh/2025/river-survey/index.html"
        for hreflang in ["en", "x-default"] {
            try site.replace(#"<link rel="alternate" hreflang="\#(hreflang)" href="https://tideline.example.org/en/2025/river-survey/">"#,
                             with: "", in: zhPage)
        }
        try site.replace("</head>", with: #"<script src="https://cdn.example.net/widget.js"></script></head>"#, in: "en/index.html")
        return site
    }

    func testSeededMistakesAreEachFoundAtTheirSource() throws {
        let site = try Self.seededSite()
        defer { site.remove() }
        let report = SiteChecker(output: site.output.path, source: site.content.path, theme: TempSite.defaultTheme.path).run()
        let post = "\(site.content.path)/posts/en/2025-03-04-river-survey.md"
        let enPage = try site.page("en/2025/river-survey/index.html").split(separator: "\n", omittingEmptySubsequences: false)
        let alternateLine = try XCTUnwrap(enPage.firstIndex { $0.contains(#"hreflang="zh-Hans""#) }) + 1
        let home = try site.page("en/index.html").split(separator: "\n", omittingEmptySubsequences: false)
        let scriptLine = try XCTUnwrap(home.firstIndex { $0.contains("cdn.example.net") })
        let column = try XCTUnwrap(home[scriptLine].range(of: "<script src=\"https://cdn"))
        let scriptAt = "\(scriptLine + 1):\(home[scriptLine][..<column.lowerBound].unicodeScalars.count + 1)"

        // Sorted by location: the output folder `_site` sorts before `content`.
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "\(site.output.path)/en/2025/river-survey/index.html:\(alternateLine):1: error: hreflang not reciprocal: "
                + "https://tideline.example.org/zh/2025/river-survey/ (zh-hans) does not list this page back",
            "\(site.output.path)/en/index.html:\(scriptAt): warning: script loaded from external host "
                + "cdn.example.net: https://cdn.example.net/widget.js",
            "\(post):8:27: error: broken link: /en/2025/survey-methods/ (no en/2025/survey-methods/index.html in the output)",
            "\(post):10:18: error: missing fragment: #tide-tables (no id \"tide-tables\" in en/2025/river-survey/index.html)",
            "\(post):12:11: error: <img> without an alt attribute: /images/gauge.svg",
        ])
        XCTAssertEqual(report.summary, "Checked \(report.pageCount) pages: 4 errors, 1 warning")
        XCTAssertFalse(report.succeeded)
    }

    func testEveryPageNeedsATitleAndADescriptionAndURLsAndCanonicalsAreUnique() throws {
        let site = try TempSite(files: ["pages/en/about.md": "---\ntitle: About\n---\n\nA small review of rivers.\n",
                                        "pages/en/contact.md": "---\ntitle: Contact\n---\n\nWrite to the editors.\n"])
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        try site.replace("<title>About · Tideline Review</title>", with: "<title> </title>", in: "en/about/index.html")
        let contact = try site.page("en/contact/index.html")
        let description = try XCTUnwrap(contact.split(separator: "\n").first { $0.hasPrefix("<meta name=\"description\"") })
        try site.replace(String(description), with: "", in: "en/contact/index.html")
        try site.replace(#"<link rel="canonical" href="https://tideline.example.org/en/contact/">"#,
                         with: #"<link rel="canonical" href="https://tideline.example.org/en/about/">"#, in: "en/contact/index.html")

        let oldAbout = #"<!DOCTYPE html><html lang="en"><head><title>Old about</title><meta name="description" content="Old."></head></html>"#
        try Data(oldAbout.utf8).write(to: site.output.appendingPathComponent("en/about.html"))

        let messages = SiteChecker(output: site.output.path, source: site.content.path).run().diagnostics
            .map { "\($0.location.file.split(separator: "/").suffix(3).joined(separator: "/")): \($0.severity): \($0.message)" }
        XCTAssertEqual(messages, [
            "en/about/index.html: error: en/about.html and this page are both served at /en/about",
            "en/about/index.html: error: page title is empty",
            "en/contact/index.html: error: page has no <meta name=\"description\">",
            "en/contact/index.html: error: canonical URL https://tideline.example.org/en/about/ is also the canonical of en/about/index.html",
        ])
    }
}
