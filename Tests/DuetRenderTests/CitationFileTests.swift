@testable import DuetRender
import DuetModel
import Foundation
import XCTest

/// The citation files a reference manager imports (RIS, CSL-JSON), and the GB/T 7714 rule for
/// more than three authors, in both languages.
final class CitationFileTests: XCTestCase {
    private let url = "https://duet.example.org/zh/issues/2025-q1/rooms-without-tables/"

    /// A two-author Chinese article: 唐若溪 (family-first) and 埃琳娜·马奇班克 (transliterated).
    private var chinese: Citation {
        Citation(title: "没有桌子的会议室", authors: [
            Citation.Person(name: "唐若溪", family: "唐", familyFirst: true, latinFamily: "Tang"),
            Citation.Person(name: "埃琳娜·马奇班克", family: "马奇班克", familyFirst: false, latinFamily: "Marchbank"),
        ], journal: "双声", year: 2025, volume: 2, number: 1, url: url, language: "zh-Hans",
        date: PublicationDate(year: 2025, month: 1, day: 21, hour: 9, minute: 30, utcOffsetSeconds: 8 * 3_600),
        abstract: "会议室的布置如何改变对话。")
    }

    private func english(authors count: Int) -> Citation {
        let people = [
            Citation.Person(name: "Elena Marchbank", family: "Marchbank", familyFirst: false),
            Citation.Person(name: "Tang Ruoxi", family: "Tang", familyFirst: true),
            Citation.Person(name: "Tobias Wren", family: "Wren", familyFirst: false),
            Citation.Person(name: "Lucia Fennimore", family: "Fennimore", familyFirst: false),
        ]
        return Citation(title: "Rooms & <Tables>", authors: Array(people.prefix(count)), journal: "Duet", year: 2025,
                        volume: 2, number: 1, url: "https://duet.example.org/en/issues/2025-q1/rooms-without-tables/",
                        language: "en", date: PublicationDate(year: 2025, month: 1, day: 21))
    }

    private func tags(_ ris: String) -> [(String, String)] {
        ris.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            (String(line.prefix(2)), String(line.dropFirst(6)))
        }
    }

    func testRISOfATwoAuthorChineseArticleKeepsNamesFamilyFirstInChineseScript() {
        let ris = chinese.ris
        XCTAssertTrue(ris.hasSuffix("ER  - \r\n"), ris)
        XCTAssertFalse(ris.replacing("\r\n", with: "").contains("\n"), "every line ends CR LF")
        let fields = tags(ris)
        XCTAssertEqual(fields.map(\.0), ["TY", "TI", "AU", "AU", "T2", "PY", "DA", "VL", "IS", "AB", "UR", "LA", "ER"])
        XCTAssertEqual(fields.first?.1, "JOUR")
        XCTAssertEqual(fields.filter { $0.0 == "AU" }.map(\.1), ["唐, 若溪", "马奇班克, 埃琳娜"])
        let value = Dictionary(fields.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(value["TI"], "没有桌子的会议室")
        XCTAssertEqual(value["T2"], "双声")
        XCTAssertEqual(value["DA"], "2025/01/21/")
        XCTAssertEqual(value["LA"], "zh-Hans")
        XCTAssertEqual(value["UR"], url)
        XCTAssertEqual(value["AB"], "会议室的布置如何改变对话。")
    }

    func testRISOfAFourAuthorEnglishArticleListsEveryAuthorInOrder() {
        let fields = tags(english(authors: 4).ris)
        XCTAssertEqual(fields.filter { $0.0 == "AU" }.map(\.1),
                       ["Marchbank, Elena", "Tang, Ruoxi", "Wren, Tobias", "Fennimore, Lucia"])
        let value = Dictionary(fields.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(value["TI"], "Rooms & <Tables>", "RIS is plain text: nothing is escaped")
        XCTAssertEqual(value["PY"], "2025")
        XCTAssertEqual(value["VL"], "2")
        XCTAssertEqual(value["IS"], "1")
        XCTAssertEqual(value["LA"], "en")
        XCTAssertNil(value["AB"], "no description, no abstract")
    }

    func testRISValuesStayOnOneLine() {
        var citation = english(authors: 1)
        citation.title = "Two\nLines"
        XCTAssertTrue(citation.ris.contains("TI  - Two Lines\r\n"), citation.ris)
    }

    private struct Item: Decodable {
        struct Name: Decodable { var family: String?; var given: String?; var literal: String? }
        struct Issued: Decodable { var dateParts: [[Int]]; enum CodingKeys: String, CodingKey { case dateParts = "date-parts" } }
        var id: String
        var type: String
        var title: String
        var containerTitle: String
        var author: [Name]
        var issued: Issued
        var volume: String
        var issue: String
        var URL: String
        var language: String
        var abstract: String?
        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, volume, issue, URL, language, abstract
            case containerTitle = "container-title"
        }
    }

    func testCSLJSONParsesBackWithTheArticlesFields() throws {
        let items = try JSONDecoder().decode([Item].self, from: Data(chinese.cslJSON.utf8))
        XCTAssertEqual(items.count, 1)
        let item = try XCTUnwrap(items.first)
        XCTAssertEqual(item.type, "article-journal")
        XCTAssertEqual(item.id, "tang2025", "the BibTeX key")
        XCTAssertEqual(item.title, "没有桌子的会议室")
        XCTAssertEqual(item.containerTitle, "双声")
        XCTAssertEqual(item.author.map(\.family), ["唐", "马奇班克"])
        XCTAssertEqual(item.author.map(\.given), ["若溪", "埃琳娜"])
        XCTAssertEqual(item.issued.dateParts, [[2025, 1, 21]])
        XCTAssertEqual([item.volume, item.issue], ["2", "1"])
        XCTAssertEqual(item.URL, url)
        XCTAssertEqual(item.language, "zh-Hans")
        XCTAssertEqual(item.abstract, "会议室的布置如何改变对话。")
    }

    func testCSLJSONEscapesAndGivesASingleWordNameAsALiteral() throws {
        var citation = english(authors: 1)
        citation.authors.append(Citation.Person(name: "Anonymous", family: "Anonymous", familyFirst: false))
        let json = citation.cslJSON
        XCTAssertFalse(json.contains("<"), "no raw '<', as in the pages' JSON-LD")
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.first?["title"] as? String, "Rooms & <Tables>")
        let names = try XCTUnwrap(parsed.first?["author"] as? [[String: String]])
        XCTAssertEqual(names, [["family": "Marchbank", "given": "Elena"], ["literal": "Anonymous"]])
    }

    func testTheDOIAndLicenceReachEveryFileThatHasAField() throws {
        var citation = chinese
        citation.doi = DOI("10.5555/duet.2025-q1.rooms-without-tables.zh")
        citation.licenseURL = "https://creativecommons.org/licenses/by/4.0/"
        citation.issns = ["2999-0017"]
        XCTAssertTrue(citation.ris.contains("DO  - 10.5555/duet.2025-q1.rooms-without-tables.zh\r\nUR  - \(url)\r\n"), citation.ris)
        XCTAssertTrue(citation.bibtex.contains("  doi = {10.5555/duet.2025-q1.rooms-without-tables.zh},\n"), citation.bibtex)
        let item = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(citation.cslJSON.utf8)) as? [[String: Any]])?.first)
        XCTAssertEqual(item["DOI"] as? String, "10.5555/duet.2025-q1.rooms-without-tables.zh")
        XCTAssertEqual(item["license"] as? String, "https://creativecommons.org/licenses/by/4.0/")
        XCTAssertEqual(item["ISSN"] as? String, "2999-0017")
        XCTAssertTrue(citation.ris.contains("IS  - 1\r\nSN  - 2999-0017\r\n"), citation.ris)
        XCTAssertFalse(chinese.ris.contains("DO  - "), "no DOI, no DO line")
        XCTAssertFalse(chinese.bibtex.contains("doi ="))
    }

    // MARK: GB/T 7714: 等 for a Chinese work, et al. for an English one

    func testGBTAfterThreeAuthorsOfAChineseWorkIs等() {
        var citation = chinese
        citation.authors += [Citation.Person(name: "托拜厄斯·雷恩", family: "雷恩", familyFirst: false),
                             Citation.Person(name: "沈浩林", family: "沈", familyFirst: true)]
        XCTAssertEqual(citation.gbt7714, "唐若溪, 埃琳娜·马奇班克, 托拜厄斯·雷恩, 等. 没有桌子的会议室[J]. 双声, 2025, 2(1). \(url).")
    }

    func testGBTAfterThreeAuthorsOfAnEnglishWorkIsEtAl() {
        XCTAssertEqual(english(authors: 4).gbt7714,
                       "MARCHBANK E, TANG R, WREN T, et al. Rooms & <Tables>[J]. Duet, 2025, 2(1). https://duet.example.org/en/issues/2025-q1/rooms-without-tables/.")
        XCTAssertTrue(english(authors: 3).gbt7714.hasPrefix("MARCHBANK E, TANG R, WREN T. Rooms"), "three authors: all of them")
    }
}
