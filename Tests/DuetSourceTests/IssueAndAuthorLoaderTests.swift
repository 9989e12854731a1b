import DuetModel
import DuetSource
import Foundation
import XCTest

/// Issue files (`issues/<id>.yml`, `issues/<lang>/<id>.md`) and author files (`authors/<id>.yml`)
/// become records, every mistake located at its line.
final class IssueAndAuthorLoaderTests: XCTestCase {
    private let config = SiteConfig(languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")],
                                    timeZone: "Asia/Shanghai")

    private func file(_ path: String, _ text: String, language: String? = nil) -> SourceFile {
        SourceFile(kind: .page, path: path, folderLanguage: language, data: Data(text.utf8))
    }

    private func issues(_ files: [SourceFile], assetExists: @escaping (String) -> Bool = { _ in true })
        -> ([IssueRecord], [Diagnostic]) {
        IssueLoader.load(files, config: config, assetExists: assetExists)
    }

    private let issueYAML = """
        title:
          en: Quiet Channels
          zh: 静默的渠道
        note:
          en: |
            This issue asks why *hotlines* stay silent.

            It ends with "a checklist".
          zh: |
            本期追问**热线**为何沉默。
        cover: /images/covers/2025-q1.svg
        published: 2025-03-28
        """

    // MARK: Issues

    func testYAMLIssueFile() throws {
        let (records, diagnostics) = issues([file("content/issues/2025-q1.yml", issueYAML)])
        XCTAssertEqual(diagnostics, [])
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(record.id, "2025-q1")
        XCTAssertEqual([record.year, record.quarter], [2025, 1])
        XCTAssertNil(record.volume)
        XCTAssertNil(record.number)
        XCTAssertEqual(record.titles, ["en": "Quiet Channels", "zh": "静默的渠道"])
        XCTAssertEqual(record.cover, "/images/covers/2025-q1.svg")
        XCTAssertEqual(record.coverLocation, SourceLocation(file: "content/issues/2025-q1.yml", line: 11, column: 1))
        XCTAssertEqual(record.published.map { [$0.year, $0.month, $0.day] }, [2025, 3, 28])
        XCTAssertEqual(record.sourcePath, "content/issues/2025-q1.yml")

        let english = try XCTUnwrap(record.notesHTML["en"])
        XCTAssertTrue(english.contains("<p>This issue asks why <em>hotlines</em> stay silent.</p>"), english)
        XCTAssertTrue(english.contains("“a checklist”"), "smart quotes in English: \(english)")
        let chinese = try XCTUnwrap(record.notesHTML["zh"])
        XCTAssertTrue(chinese.contains("<p>本期追问<strong>热线</strong>为何沉默。</p>"), chinese)
    }

    func testVolumeAndNumberAreRead() throws {
        let (records, diagnostics) = issues([file("content/issues/2025-Q3.yml", "volume: 4\nnumber: 7\ntitle: Harvest\n")])
        XCTAssertEqual(diagnostics, [])
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.id, "2025-q3", "the id is the lower-cased file name")
        XCTAssertEqual(record.volume, 4)
        XCTAssertEqual(record.number, 7)
        XCTAssertEqual(record.titles, ["*": "Harvest"], "one title for every language")
    }

    func testMarkdownIssueFileMergesWithTheYAML() throws {
        let markdown = """
            ---
            title: 静默的渠道（增订）
            ---
            编者按：本期有**两篇**文章。

            """
        let (records, diagnostics) = issues([
            file("content/issues/zh/2025-q1.md", markdown, language: "zh"),
            file("content/issues/2025-q1.yml", issueYAML),
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(records.count, 1, "one issue from both files")
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.titles["en"], "Quiet Channels")
        XCTAssertEqual(record.titles["zh"], "静默的渠道（增订）", "the language file's title is for its language")
        XCTAssertNil(record.titles["*"])
        XCTAssertTrue(record.notesHTML["en"]?.contains("<em>hotlines</em>") == true)
        XCTAssertEqual(record.notesHTML["zh"]?.trimmingCharacters(in: .whitespacesAndNewlines),
                       "<p>编者按：本期有<strong>两篇</strong>文章。</p>", "the body is the note")
        XCTAssertEqual(record.cover, "/images/covers/2025-q1.svg")
    }

    func testMarkdownIssueFileAlone() throws {
        let markdown = "---\nvolume: 2\nnumber: 1\n---\nA short note from the editors.\n"
        let (records, diagnostics) = issues([file("content/issues/en/2025-q1.md", markdown, language: "en")])
        XCTAssertEqual(diagnostics, [])
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual([record.volume, record.number], [2, 1])
        XCTAssertEqual(record.notesHTML.keys.sorted(), ["en"])
        XCTAssertTrue(record.notesHTML["en"]?.contains("A short note from the editors.") == true)
    }

    func testSpecialIssueWithYearAndQuarter() throws {
        let (records, diagnostics) = issues([file("content/issues/Border-Waters.yml", "year: 2024\nquarter: 3\ntitle: Border Waters\n")])
        XCTAssertEqual(diagnostics, [])
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.id, "border-waters")
        XCTAssertEqual([record.year, record.quarter], [2024, 3])
    }

    func testInvalidYAMLIsReportedAtFileLineAndColumn() throws {
        let path = "content/issues/2025-q2.yml"
        let (records, diagnostics) = issues([file(path, "title: Fine\nnote: : stray : colons\n")])
        XCTAssertTrue(records.isEmpty)
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.file, path)
        XCTAssertEqual(diagnostic.location.line, 2)
        XCTAssertGreaterThan(diagnostic.location.column, 0)
        XCTAssertTrue(diagnostic.description.hasPrefix("\(path):2:\(diagnostic.location.column): error: "), diagnostic.description)
    }

    func testQuarterOutOfRangeIsAnErrorAtItsLine() throws {
        let path = "content/issues/winter-special.yml"
        let (records, diagnostics) = issues([file(path, "title: Winter\nyear: 2025\nquarter: 5\n")])
        XCTAssertTrue(records.isEmpty)
        XCTAssertEqual(diagnostics.map(\.description),
                       ["\(path):3:1: error: 'quarter' must be between 1 and 4, found 5"])
    }

    func testNonQuarterFileNameWithoutYearAndQuarterIsAnError() throws {
        let path = "content/issues/winter-special.yml"
        let (records, diagnostics) = issues([file(path, "title: Winter\n")])
        XCTAssertTrue(records.isEmpty)
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: path, line: 1, column: 1))
        XCTAssertTrue(diagnostic.message.contains("'year' and 'quarter'"), diagnostic.message)
    }

    func testInvalidPublishedDateIsAnErrorAtItsLine() throws {
        let path = "content/issues/2025-q1.yml"
        let (_, diagnostics) = issues([file(path, "title: T\npublished: 2025-02-30\n")])
        XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: path, line: 2, column: 1)])
        XCTAssertEqual(diagnostics.map(\.severity), [.error])
    }

    func testMissingCoverIsAWarningAtTheCoverLine() throws {
        var asked: [String] = []
        let (records, diagnostics) = issues([file("content/issues/2025-q1.yml", issueYAML)]) { path in
            asked.append(path)
            return false
        }
        XCTAssertEqual(records.count, 1, "a missing cover does not drop the issue")
        XCTAssertEqual(asked, ["/images/covers/2025-q1.svg"])
        XCTAssertEqual(diagnostics.count, 1)
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: "content/issues/2025-q1.yml", line: 11, column: 1))
        XCTAssertTrue(warning.message.contains("/images/covers/2025-q1.svg"), warning.message)
    }

    func testRemoteCoverIsNotChecked() {
        let (_, diagnostics) = issues([file("content/issues/2025-q1.yml", "cover: https://images.example.org/c.png\n")]) { _ in false }
        XCTAssertEqual(diagnostics, [])
    }

    // MARK: Authors

    private let authorYAML = """
        name:
          en: Lin Yawei
          zh: 林雅薇
        family_name:
          en: Lin
          zh: 林
        affiliation:
          en: Professor, Jinling School of Diplomacy
          zh: 金陵外交学院教授
        bio:
          en: |
            Lin Yawei writes on *maritime law* and fisheries.
          zh: |
            林雅薇主要研究**海洋法**与渔业问题。
        photo: /images/authors/lin-yawei.jpg
        links:
          website: https://jinling-diplomacy.example.edu/lin
          orcid: 0000-0003-1234-5674
        """

    func testAuthorFile() throws {
        let (authors, diagnostics) = AuthorLoader.load([file("content/authors/lin-yawei.yml", authorYAML)])
        XCTAssertEqual(diagnostics, [])
        let author = try XCTUnwrap(authors.first)
        XCTAssertEqual(author.id, "lin-yawei")
        XCTAssertEqual(author.names, ["en": "Lin Yawei", "zh": "林雅薇"])
        XCTAssertEqual(author.familyNames, ["en": "Lin", "zh": "林"])
        XCTAssertEqual(author.affiliations["zh"], "金陵外交学院教授")
        XCTAssertEqual(author.affiliations["en"], "Professor, Jinling School of Diplomacy")
        XCTAssertTrue(author.biosHTML["en"]?.contains("<em>maritime law</em>") == true, author.biosHTML["en"] ?? "")
        XCTAssertTrue(author.biosHTML["zh"]?.contains("<strong>海洋法</strong>") == true, author.biosHTML["zh"] ?? "")
        XCTAssertEqual(author.photo, "/images/authors/lin-yawei.jpg")
        XCTAssertEqual(author.website, "https://jinling-diplomacy.example.edu/lin")
        XCTAssertEqual(author.orcid, "0000-0003-1234-5674")
        XCTAssertEqual(author.sourcePath, "content/authors/lin-yawei.yml")
    }

    func testOneNameForEveryLanguage() throws {
        let (authors, diagnostics) = AuthorLoader.load([file("content/authors/odile.yml", "name: Odile Ferrante\n")])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(authors.first?.names, ["*": "Odile Ferrante"])
        XCTAssertNil(authors.first?.website)
    }

    func testAuthorsAreSortedByID() {
        let (authors, _) = AuthorLoader.load([file("content/authors/zhou.yml", "name: Zhou\n"),
                                              file("content/authors/abel.yml", "name: Abel\n")])
        XCTAssertEqual(authors.map(\.id), ["abel", "zhou"])
    }

    func testMissingNameIsAnError() throws {
        let path = "content/authors/nameless.yml"
        let (authors, diagnostics) = AuthorLoader.load([file(path, "affiliation: Somewhere\n")])
        XCTAssertTrue(authors.isEmpty)
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: path, line: 1, column: 1))
        XCTAssertTrue(diagnostic.message.contains("'name'"), diagnostic.message)
    }

    func testYMLAndYAMLWithOneIDIsAnErrorNamingBoth() throws {
        let (authors, diagnostics) = AuthorLoader.load([file("content/authors/chen-wei.yml", "name: Chen Wei\n"),
                                                        file("content/authors/chen-wei.yaml", "name: Wei Chen\n")])
        XCTAssertEqual(authors.map(\.id), ["chen-wei"])
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.message.contains("content/authors/chen-wei.yml"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("content/authors/chen-wei.yaml"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("'chen-wei'"), diagnostic.message)
    }

    func testMissingPhotoIsAWarningAtThePhotoLine() throws {
        let path = "content/authors/lin-yawei.yml"
        let (authors, diagnostics) = AuthorLoader.load([file(path, authorYAML)], assetExists: { _ in false })
        XCTAssertEqual(authors.count, 1, "the author is kept")
        XCTAssertEqual(diagnostics.count, 1)
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: path, line: 15, column: 1))
        XCTAssertTrue(warning.message.contains("/images/authors/lin-yawei.jpg"), warning.message)
    }

    func testInvalidAuthorYAMLIsLocated() throws {
        let path = "content/authors/broken.yml"
        let (authors, diagnostics) = AuthorLoader.load([file(path, "name: Broken\naffiliation: [unclosed\n")])
        XCTAssertTrue(authors.isEmpty)
        XCTAssertEqual(diagnostics.map(\.severity), [.error])
        XCTAssertEqual(diagnostics.first?.location.file, path)
        XCTAssertEqual(diagnostics.first?.location.line, 2)
    }

    func testNameThatIsAListIsAnError() throws {
        let path = "content/authors/listed.yml"
        let (_, diagnostics) = AuthorLoader.load([file(path, "name:\n  - One\n  - Two\n")])
        XCTAssertEqual(diagnostics.map(\.severity), [.error])
        XCTAssertEqual(diagnostics.first?.location.line, 1)
    }
}
