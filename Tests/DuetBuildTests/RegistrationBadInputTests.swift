import DuetBuild
import DuetModel
import XCTest

/// A journal's registration mistakes end to end: located warnings that `--strict` makes errors.
final class RegistrationBadInputTests: XCTestCase {
    private static let siteYAML = SiteFixture.bilingualSiteYAML + """

        doi_prefix: "10.5555"
        crossref: {depositor: Duet, email: doi@example.org, registrant: Harbor Institute}
        license: CC-BY-4.0
        """

    func testEachMistakeIsLocatedAndStrictMakesItAnError() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-01-21-tides.md": "---\ntitle: Tides\ndescription: On tides.\ndoi: 10.5555/two words\n---\nBody\n",
            "posts/en/2025-01-22-currents.md": "---\ntitle: Currents\ndescription: On currents.\nlicense: CC-BY-4.1\n---\nBody\n",
            "authors/elena-marchbank.yml": "name:\n  en: Elena Marchbank\nlinks:\n  website: https://example.org/\n  orcid: 0000-0002-1825-0098\n",
        ], siteYAML: Self.siteYAML)
        defer { site.remove() }
        let lenient = site.build()
        XCTAssertTrue(lenient.succeeded)
        let path = { (name: String) in site.content.appendingPathComponent(name).path }
        XCTAssertEqual(lenient.diagnostics.map(\.description), [
            "\(path("authors/elena-marchbank.yml")):5:3: warning: ORCID iD '0000-0002-1825-0098' has a bad checksum: "
                + "the last character should be 7; it is left out",
            "\(path("posts/en/2025-01-21-tides.md")):4:1: warning: '10.5555/two words' is not a DOI: the part after the prefix "
                + "must be 1 to 200 characters without spaces; the article gets no DOI until it is mended",
            "\(path("posts/en/2025-01-22-currents.md")):4:1: warning: unknown SPDX licence id 'CC-BY-4.1' (known: "
                + License.catalog.map(\.id).joined(separator: ", ") + "; a licence of your own is LicenseRef-<name> with a url)",
        ])
        let strict = site.build(strict: true)
        XCTAssertFalse(strict.succeeded)
        XCTAssertEqual(strict.diagnostics.map(\.severity), [.error, .error, .error])
    }

    func testTwoArticlesWithOneDOIStopTheBuild() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-01-21-tides.md": "---\ntitle: Tides\ndescription: On tides.\ndoi: 10.5555/duet.1\n---\nBody\n",
            "posts/zh/2025-01-21-tides.md": "---\ntitle: 潮汐\ndescription: 谈潮汐。\ndoi: 10.5555/DUET.1\n---\n正文\n",
        ], siteYAML: Self.siteYAML)
        defer { site.remove() }
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let message = try XCTUnwrap(report.diagnostics.first?.description)
        XCTAssertTrue(message.hasSuffix("posts/zh/2025-01-21-tides.md:4:1: error: DOI 10.5555/DUET.1 is given to two articles: "
            + "\(site.content.path)/posts/en/2025-01-21-tides.md and \(site.content.path)/posts/zh/2025-01-21-tides.md"), message)
    }
}
