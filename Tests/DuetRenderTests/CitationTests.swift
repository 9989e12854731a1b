@testable import DuetRender
import XCTest

/// Ready-made citations against hand-written examples: Chicago (English pages), GB/T 7714-2015
/// (Chinese pages) and BibTeX.
final class CitationTests: XCTestCase {
    private let marchbank = Citation.Person(name: "Elena Marchbank", family: "Marchbank", familyFirst: false)
    private let tang = Citation.Person(name: "Tang Ruoxi", family: "Tang", familyFirst: true)
    private let avery = Citation.Person(name: "Avery Lin", family: "Lin", familyFirst: false)

    private let enURL = "https://duet.example.org/en/issues/2025-q1/rooms-without-tables/"
    private let zhURL = "https://duet.example.org/zh/issues/2025-q1/rooms-without-tables/"

    private func english(_ authors: [Citation.Person], title: String = "Rooms Without Tables") -> Citation {
        Citation(title: title, authors: authors, journal: "Duet", year: 2025, volume: 2, number: 1, url: enURL, language: "en")
    }

    private func chinese(_ names: [String]) -> Citation {
        let people = names.map { name -> Citation.Person in
            if let dot = name.lastIndex(of: "·") {
                return Citation.Person(name: name, family: String(name[name.index(after: dot)...]), familyFirst: false)
            }
            return Citation.Person(name: name, family: String(name.prefix(1)), familyFirst: true)
        }
        return Citation(title: "没有桌子的会议室", authors: people, journal: "双声", year: 2025, volume: 2, number: 1,
                        url: zhURL, language: "zh-Hans")
    }

    // MARK: Names

    func testInversionOfAWesternName() {
        XCTAssertEqual(marchbank.given, "Elena")
        XCTAssertEqual(marchbank.inverted, "Marchbank, Elena")
    }

    func testFamilyFirstNameIsNotInverted() {
        XCTAssertEqual(tang.given, "Ruoxi")
        XCTAssertEqual(tang.inverted, "Tang Ruoxi")
    }

    func testChineseScriptIsNeverInverted() {
        let transliterated = Citation.Person(name: "埃琳娜·马奇班克", family: "马奇班克", familyFirst: false)
        XCTAssertEqual(transliterated.given, "埃琳娜")
        XCTAssertEqual(transliterated.inverted, "埃琳娜·马奇班克")
    }

    func testSingleWordNameIsNotInverted() {
        XCTAssertEqual(Citation.Person(name: "Anonymous", family: "Anonymous", familyFirst: false).inverted, "Anonymous")
    }

    // MARK: Chicago

    func testChicagoOneAuthor() {
        XCTAssertEqual(english([marchbank]).chicagoHTML,
                       "Marchbank, Elena. “Rooms Without Tables.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    func testChicagoTwoAuthors() {
        XCTAssertEqual(english([marchbank, avery]).chicagoHTML,
                       "Marchbank, Elena, and Avery Lin. “Rooms Without Tables.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    func testChicagoThreeAuthorsWithAFamilyFirstName() {
        XCTAssertEqual(english([marchbank, tang, avery]).chicagoHTML,
                       "Marchbank, Elena, Tang Ruoxi, and Avery Lin. “Rooms Without Tables.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    func testChicagoFamilyFirstLeadAuthorIsNotInverted() {
        XCTAssertEqual(english([tang, marchbank, avery]).chicagoHTML,
                       "Tang Ruoxi, Elena Marchbank, and Avery Lin. “Rooms Without Tables.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    func testGivenNameAroundAFamilyNameInTheMiddle() {
        let reyes = Citation.Person(name: "Jonah Reyes Jr.", family: "Reyes", familyFirst: false)
        XCTAssertEqual(reyes.inverted, "Reyes, Jonah Jr.")
    }

    func testChicagoTwoAuthorsLedByAFamilyFirstNameHasNoComma() {
        XCTAssertTrue(english([tang, marchbank]).chicagoHTML.hasPrefix("Tang Ruoxi and Elena Marchbank. “"),
                      english([tang, marchbank]).chicagoHTML)
    }

    func testChicagoMoreThanTenAuthorsListsSevenThenEtAl() {
        let many = (1...11).map { Citation.Person(name: "Given\($0) Family\($0)", family: "Family\($0)", familyFirst: false) }
        let text = english(many).chicagoHTML
        XCTAssertTrue(text.hasPrefix("Family1, Given1, Given2 Family2, Given3 Family3, Given4 Family4, Given5 Family5, Given6 Family6, Given7 Family7, et al. “"), text)
    }

    func testBibTeXEscapesLaTeXSpecials() {
        let entry = english([marchbank], title: "Ports & {Passages} 100%").bibtex
        XCTAssertTrue(entry.contains("title = {{Ports \\& \\{Passages\\} 100\\%}},"), entry)
    }

    func testChicagoEscapesHTML() {
        let html = english([avery], title: "Ports & <Passages>").chicagoHTML
        XCTAssertEqual(html, "Lin, Avery. “Ports &amp; &lt;Passages&gt;.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    func testChicagoWithoutAuthorsStartsWithTheTitle() {
        XCTAssertEqual(english([]).chicagoHTML, "“Rooms Without Tables.” <em>Duet</em> 2, no. 1 (2025). \(enURL).")
    }

    // MARK: GB/T 7714

    func testGBTThreeChineseAuthors() {
        XCTAssertEqual(chinese(["埃琳娜·马奇班克", "唐若溪", "林雅薇"]).gbt7714,
                       "埃琳娜·马奇班克, 唐若溪, 林雅薇. 没有桌子的会议室[J]. 双声, 2025, 2(1). \(zhURL).")
    }

    func testGBTOneAuthor() {
        XCTAssertEqual(chinese(["陈伟"]).gbt7714, "陈伟. 没有桌子的会议室[J]. 双声, 2025, 2(1). \(zhURL).")
    }

    func testGBTMoreThanThreeAuthorsListsThreeAndDeng() {
        XCTAssertEqual(chinese(["埃琳娜·马奇班克", "唐若溪", "林雅薇", "陈伟"]).gbt7714,
                       "埃琳娜·马奇班克, 唐若溪, 林雅薇, 等. 没有桌子的会议室[J]. 双声, 2025, 2(1). \(zhURL).")
    }

    func testGBTVolumeAndIssueNumbers() {
        let citation = Citation(title: "题目", authors: [], journal: "双声", year: 2026, volume: 3, number: 4,
                                url: "https://x.example/", language: "zh-Hans")
        XCTAssertEqual(citation.gbt7714, "题目[J]. 双声, 2026, 3(4). https://x.example/.")
    }

    // MARK: BibTeX

    func testBibTeXFieldsAndKey() {
        XCTAssertEqual(english([marchbank, tang]).bibtex, """
            @article{marchbank2025rooms,
              author = {Marchbank, Elena and {Tang Ruoxi}},
              title = {{Rooms Without Tables}},
              journal = {Duet},
              year = {2025},
              volume = {2},
              number = {1},
              url = {\(enURL)},
              language = {en}
            }
            """)
    }

    func testBibTeXKeyIsASCIIForChineseNames() throws {
        let bibtex = chinese(["唐若溪", "林雅薇"]).bibtex
        let firstLine = try XCTUnwrap(bibtex.split(separator: "\n").first)
        XCTAssertTrue(firstLine.hasPrefix("@article{tang2025"), String(firstLine))
        XCTAssertTrue(firstLine.allSatisfy(\.isASCII), String(firstLine))
        XCTAssertTrue(bibtex.contains("author = {{唐若溪} and {林雅薇}},"), bibtex)
        XCTAssertTrue(bibtex.contains("journal = {双声},"), bibtex)
        XCTAssertTrue(bibtex.contains("language = {zh-Hans}"), bibtex)
    }

    func testBibTeXKeyDropsAccentsAndPunctuation() throws {
        let person = Citation.Person(name: "Zoë Ó'Brien", family: "Ó'Brien", familyFirst: false)
        let bibtex = english([person], title: "Beyond-the-Line Talks").bibtex
        XCTAssertTrue(bibtex.hasPrefix("@article{obrien2025beyondtheline,"), bibtex)
        XCTAssertTrue(bibtex.contains("author = {Ó'Brien, Zoë},"), bibtex)
    }

    func testBibTeXWithoutAuthorsIsAnon() {
        XCTAssertTrue(english([]).bibtex.hasPrefix("@article{anon2025rooms,"), english([]).bibtex)
    }
}
