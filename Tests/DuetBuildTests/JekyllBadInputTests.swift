import DuetBuild
import XCTest

/// Jekyll posts with mistakes: each a located diagnostic, the include chain named, no crash, no hang.
final class JekyllBadInputTests: XCTestCase {
    private func diagnostics(_ files: [String: String], siteYAML: String = SiteFixture.bilingualSiteYAML, strict: Bool = false) throws -> [String] {
        let site = try SiteFixture(files: files, siteYAML: siteYAML)
        defer { site.remove() }
        let report = site.build(strict: strict)
        let root = site.content.path + "/"
        return report.diagnostics.map { $0.description.replacingOccurrences(of: root, with: "") }
    }

    private let front = "---\ntitle: T\ndescription: d\n---\n"

    func testLiquidMistakesInAPostAreLocatedAtTheirFileLine() throws {
        let messages = try diagnostics([
            "posts/en/2021-01-01-a.md": front + "Intro.\n\n{% if page.title %}\nnever closed\n",
            "posts/en/2021-01-02-b.md": front + "See {% post_url 2001-01-01-missing %} and {% include nowhere.html %}.\n",
            "posts/en/2021-01-03-c.md": front + "Loop:\n{% include a.html %}\n",
            "posts/en/2021-01-04-d.md": front + "{% for x in page.title %}{{ x }}{% endfor %} {{ 'x' | date: '%Y' }}\n",
            "includes/a.html": "<b>{% include b.html %}</b>",
            "includes/b.html": "\n{% include a.html %}",
        ])
        XCTAssertEqual(messages, [
            "includes/b.html:2:1: error: include: 'a.html' includes itself (included from includes/a.html:1:4, from posts/en/2021-01-03-c.md:6:1)",
            "posts/en/2021-01-01-a.md:7:1: error: '{% if %}' is never closed with '{% endif %}'",
            "posts/en/2021-01-02-b.md:5:5: error: post_url: there is no post '2001-01-01-missing'",
            "posts/en/2021-01-02-b.md:5:43: error: include: there is no file 'nowhere.html' in the includes folder",
            "posts/en/2021-01-04-d.md:5:46: error: date: cannot read 'x' as a date",
        ])
    }

    func testUnknownTagsAreErrorsWithStrict() throws {
        XCTAssertEqual(try diagnostics(["posts/en/2021-01-01-a.md": front + "{% youtube abc %}\n"], strict: true),
                       ["posts/en/2021-01-01-a.md:5:1: error: unknown Liquid tag 'youtube' left as text (Duet does not know it)"])
    }

    func testFrontMatterMistakesPointAtTheLineThatHoldsThem() throws {
        XCTAssertEqual(try diagnostics(["posts/en/2019-07-16-a.md": "---\ntitle: A\ndate:2019-07-16\ndescription: d\n---\nBody.\n"]), [
            "posts/en/2019-07-16-a.md:3:1: error: invalid YAML in front matter: could not find expected ':' (while scanning a simple key); put a space after the ':' of 'date'",
        ])
        XCTAssertEqual(try diagnostics(["posts/en/2019-07-16-a.md": "---\ntitle: \"Unclosed\ndescription: d\nlayout: post\n---\nBody.\n"]), [
            "posts/en/2019-07-16-a.md:2:8: error: invalid YAML in front matter: found unexpected end of stream (while scanning a quoted scalar)",
        ])
    }

    func testAPostBeforeFirstYearIsAWarning() throws {
        XCTAssertEqual(try diagnostics(["posts/en/2015-03-01-old.md": front + "Old.\n"], siteYAML: SiteFixture.bilingualSiteYAML + "\nfirst_year: 2024\n"), [
            "posts/en/2015-03-01-old.md:1:1: warning: post falls in 2015, before first_year 2024 in site.yml: its issue has no volume number and is named by its quarter (set first_year: 2015, or give the post an issue: key)",
        ])
    }

    /// The reader never sees "Vol. -8": an issue before the first year is named by its quarter.
    func testAnIssueBeforeFirstYearShowsItsQuarterAndNoVolume() throws {
        let site = try SiteFixture(files: ["posts/en/2015-03-01-old.md": front + "Old.\n"],
                                   siteYAML: SiteFixture.bilingualSiteYAML + "\nfirst_year: 2024\n")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        for path in ["en/issues/2015-q1/index.html", "en/issues/index.html", "en/2015/old/index.html"] where site.exists(path) {
            let html = try site.page(path)
            XCTAssertFalse(html.contains("Vol. -"), path)
            XCTAssertFalse(html.contains("Vol. 0"), path)
        }
        XCTAssertTrue(try site.page("en/issues/2015-q1/index.html").contains("2015"))
    }

    func testARunawayLoopStops() throws {
        let started = Date()
        let messages = try diagnostics(["posts/en/2021-01-01-a.md": front + "{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}\n"])
        XCTAssertEqual(messages, ["posts/en/2021-01-01-a.md:5:27: error: Liquid stopped after 200000 steps: a loop that does not end?"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }
}
