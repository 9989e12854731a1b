import DuetModel
import XCTest

/// DOIs, ISSNs and ORCID iDs as editors write them: what is accepted, normalised and refused.
final class RegistrationIdentifierTests: XCTestCase {
    func testDOIsAreReadInTheFormsEditorsPaste() throws {
        for written in ["10.5555/duet.2025-q1.x.en", "doi:10.5555/duet.2025-q1.x.en", "https://doi.org/10.5555/duet.2025-q1.x.en"] {
            let doi = try XCTUnwrap(DOI(written), written)
            XCTAssertEqual(doi.value, "10.5555/duet.2025-q1.x.en")
            XCTAssertEqual(doi.url, "https://doi.org/10.5555/duet.2025-q1.x.en")
        }
        XCTAssertEqual(DOI("10.5555/a#b?c")?.url, "https://doi.org/10.5555/a%23b%3Fc")
        XCTAssertEqual(DOI("10.5555/ABC")?.normalized, DOI("10.5555/abc")?.normalized)
    }

    func testMalformedDOIsAreRefusedWithTheReason() {
        for bad in ["10.55/x", "11.5555/x", "10.5555/", "10.5555/two words", "duet.2025-q1.x"] {
            XCTAssertNil(DOI(bad), bad)
            XCTAssertNotNil(DOI.problem(with: bad), bad)
        }
        XCTAssertTrue(DOI.problem(with: "10.55/x")?.contains("4 to 9 digits") == true)
        XCTAssertTrue(DOI.problem(with: "10.5555/two words")?.contains("without spaces") == true)
        XCTAssertFalse(DOI.isValidPrefix("10.5555.1"))
        XCTAssertTrue(DOI.isValidPrefix("10.123456789"))
    }

    func testISSNCheckDigit() {
        XCTAssertEqual(ISSN("2999-0017")?.value, "2999-0017")
        XCTAssertEqual(ISSN("0317-8471")?.value, "0317-8471")
        XCTAssertEqual(ISSN("2434561x")?.value, "2434-561X")
        XCTAssertNil(ISSN("2999-0018"))
        XCTAssertEqual(ISSN.problem(with: "2999-0018"), "ISSN '2999-0018' has a wrong check digit: the last character should be 7")
        XCTAssertTrue(ISSN.problem(with: "299-0017")?.contains("eight digits") == true)
    }

    func testORCIDChecksum() {
        XCTAssertNil(ORCID.problem(with: "0000-0002-1825-0097"))
        XCTAssertNil(ORCID.problem(with: "https://orcid.org/0000-0001-5109-3700"))
        XCTAssertEqual(ORCID.normalized("https://orcid.org/0000-0002-1694-233x"), "0000-0002-1694-233X")
        XCTAssertEqual(ORCID.problem(with: "0000-0002-1825-0098"),
                       "ORCID iD '0000-0002-1825-0098' has a bad checksum: the last character should be 7")
        XCTAssertNotNil(ORCID.problem(with: "0000-0002-1825"))
    }

    func testSuffixPatternPerLanguage() {
        let document = ParsedDocument(kind: .post, sourcePath: "content/posts/zh/2025-01-21-designing-the-small-table.md",
                                      language: "zh", slug: "designing-the-small-table", title: "小圆桌的设计学",
                                      date: PublicationDate(year: 2025, month: 1, day: 21), frontMatter: FrontMatter(),
                                      bodyHTML: "", excerptHTML: "", headings: [])
        XCTAssertEqual(DOISuffixPattern.standard.expand(for: document, issue: "2025-q1", volume: 2, number: 1),
                       "duet.2025-q1.designing-the-small-table.zh")
        XCTAssertEqual(DOISuffixPattern("duet.v:volume.n:number.:year.:key.:lang").expand(for: document, issue: "2025-q1", volume: 2, number: 1),
                       "duet.v2.n1.2025.2025-01-21-designing-the-small-table.zh")
        XCTAssertEqual(DOISuffixPattern("duet.:isue.:slug").unknownPlaceholder, ":isue")
        XCTAssertNil(DOISuffixPattern.standard.unknownPlaceholder)
    }

    func testLicenceCatalogHasTheCreativeCommonsFamily() throws {
        let by = try XCTUnwrap(License.known("cc-by-4.0"))
        XCTAssertEqual(by.id, "CC-BY-4.0")
        XCTAssertEqual(by.url, "https://creativecommons.org/licenses/by/4.0/")
        XCTAssertEqual(by.name(in: "zh"), "知识共享署名 4.0 国际许可协议")
        for id in ["CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0"] {
            XCTAssertNotNil(License.known(id), id)
        }
        XCTAssertNil(License.known("CC-BY-5.0"))
        XCTAssertTrue(License.isRecognized("LicenseRef-duet"))
    }
}
