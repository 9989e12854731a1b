import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// `doi_prefix`, `doi_suffix`, `crossref`, `issn` and `license` in `site.yml`: read when right,
/// a warning at the offending line (and the key left out) when wrong.
final class RegistrationConfigTests: XCTestCase {
    private let path = "content/site.yml"

    private func load(_ yaml: String) throws -> (SiteConfig, [String]) {
        let (config, warnings) = try SiteConfigLoader.loadWithWarnings(Data(yaml.utf8), path: path)
        return (config, warnings.map(\.description))
    }

    func testAJournalOfRecordIsRead() throws {
        let (config, warnings) = try load("""
        doi_prefix: 10.1000
        doi_suffix: "review.:year.:slug.:lang"
        crossref:
          depositor: Duet Editorial Office
          email: doi@example.org
          registrant: Harbor Institute
        issn:
          electronic: 2999-0017
          print: 0317-8471
        license: CC-BY-NC-4.0
        """)
        XCTAssertEqual(warnings, [])
        // Written unquoted, YAML reads 10.1000 as the number 10.1: the prefix is taken as written.
        XCTAssertEqual(config.doiPrefix, "10.1000")
        XCTAssertEqual(config.doiSuffix.pattern, "review.:year.:slug.:lang")
        XCTAssertEqual(config.crossref, CrossrefHead(depositor: "Duet Editorial Office", email: "doi@example.org", registrant: "Harbor Institute"))
        XCTAssertEqual(config.issn.electronic?.value, "2999-0017")
        XCTAssertEqual(config.issn.print?.value, "0317-8471")
        XCTAssertEqual(config.license?.id, "CC-BY-NC-4.0")
        XCTAssertEqual(config.license?.url, "https://creativecommons.org/licenses/by-nc/4.0/")
    }

    func testWithoutThemNothingIsRegistered() throws {
        let (config, warnings) = try load("title: Duet\n")
        XCTAssertEqual(warnings, [])
        XCTAssertNil(config.doiPrefix)
        XCTAssertNil(config.crossref)
        XCTAssertTrue(config.issn.isEmpty)
        XCTAssertNil(config.license)
    }

    func testEachMistakeIsAWarningAtItsLine() throws {
        let (config, warnings) = try load("""
        title: Duet
        doi_prefix: 10.55
        crossref:
          depositor: Duet
          email: not-an-address
          registrant: Harbor
        issn:
          print: 2999-0018
        license: CC-BY-9.0
        doi_suffix: "duet.:isue.:slug"
        """)
        XCTAssertNil(config.doiPrefix)
        XCTAssertNil(config.crossref)
        XCTAssertNil(config.issn.print)
        XCTAssertNil(config.license)
        XCTAssertEqual(config.doiSuffix, .standard)
        XCTAssertEqual(warnings.count, 5, warnings.joined(separator: "\n"))
        XCTAssertTrue(warnings[0].hasPrefix("content/site.yml:2:1: warning: doi_prefix '10.55' is not a DOI prefix"), warnings[0])
        XCTAssertTrue(warnings[1].hasPrefix("content/site.yml:10:1: warning: doi_suffix uses ':isue'"), warnings[1])
        XCTAssertTrue(warnings[2].hasPrefix("content/site.yml:5:3: warning: crossref email 'not-an-address' is not an email address"), warnings[2])
        XCTAssertEqual(warnings[3], "content/site.yml:8:3: warning: ISSN '2999-0018' has a wrong check digit: the last character should be 7; the ISSN is left out")
        XCTAssertTrue(warnings[4].hasPrefix("content/site.yml:9:1: warning: unknown SPDX licence id 'CC-BY-9.0'"), warnings[4])
    }

    func testAPrefixWithoutACrossrefHeadIsSaid() throws {
        let (config, warnings) = try load("doi_prefix: \"10.5555\"\ncrossref:\n  depositor: Duet\n")
        XCTAssertEqual(config.doiPrefix, "10.5555")
        XCTAssertNil(config.crossref)
        XCTAssertEqual(warnings, ["content/site.yml:2:1: warning: crossref needs email, registrant: no Crossref deposit is written"])
        let (_, bare) = try load("doi_prefix: \"10.5555\"\n")
        XCTAssertEqual(bare, ["content/site.yml:1:1: warning: doi_prefix is set but crossref: {depositor, email, registrant} is not: no Crossref deposit is written"])
    }

    func testALicenceOfTheSitesOwnNeedsAURL() throws {
        let (config, warnings) = try load("""
        license:
          id: LicenseRef-duet-reprint
          url: https://duet-review.example.org/reprints/
          name:
            en: Duet reprint licence
            zh: 《双声》转载许可
        """)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(config.license, License(id: "LicenseRef-duet-reprint", url: "https://duet-review.example.org/reprints/",
                                               names: ["en": "Duet reprint licence", "zh": "《双声》转载许可"]))
        let (none, missing) = try load("license: LicenseRef-duet\n")
        XCTAssertNil(none.license)
        XCTAssertEqual(missing, ["content/site.yml:1:1: warning: licence 'LicenseRef-duet' is not in the SPDX list: give its url"])
    }
}
