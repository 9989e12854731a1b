import DuetModel
import XCTest

/// Every article belongs to an issue: the one its `issue:` names, else the quarter of its date.
/// Issues get a volume and number, are listed newest first, and order their table of contents.
final class IssueAssignmentTests: XCTestCase {
    private let languages = [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")]
    private let selection = ContentSelection(now: 1_900_000_000)

    private func build(_ documents: [ParsedDocument], issues: [IssueRecord] = [], firstYear: Int? = nil,
                       sections: [String] = ["Essays", "Dialogue Reports", "Reviews"]) -> (SiteGraph, [Diagnostic]) {
        let config = SiteConfig(languages: languages, firstYear: firstYear, sections: sections)
        return SiteGraphBuilder(config: config, selection: selection).build(documents: documents, issues: issues)
    }

    private func post(_ slug: String, language: String = "en", date: PublicationDate,
                      _ frontMatter: [(String, FrontMatterValue)] = [], title: String? = nil) -> ParsedDocument {
        let day = date.isoDay
        return document(path: "content/posts/\(language)/\(day)-\(slug).md", language: language, slug: slug,
                        title: title, date: date, frontMatter: frontMatter)
    }

    private func record(_ id: String, year: Int, quarter: Int, volume: Int? = nil, number: Int? = nil) -> IssueRecord {
        IssueRecord(id: id, year: year, quarter: quarter, volume: volume, number: number, sourcePath: "content/issues/\(id).yml")
    }

    private let january = PublicationDate(year: 2025, month: 1, day: 20)
    private let may = PublicationDate(year: 2025, month: 5, day: 8)

    // MARK: Which issue

    func testExplicitIssueIsCaseInsensitive() {
        let (graph, diagnostics) = build([post("tides", date: may, [("issue", .string("2025-Q1"))])])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.issueID), ["2025-q1"], "the issue key wins over the date's quarter")
        XCTAssertEqual(graph.articles.first?.route.path, "/en/issues/2025-q1/tides/")
    }

    func testExplicitIssueMatchesARecordWhateverTheCase() {
        let special = record("spring-special", year: 2025, quarter: 2)
        let (graph, diagnostics) = build([post("bloom", date: may, [("issue", .string("Spring-Special"))])], issues: [special])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.issueID), ["spring-special"])
        XCTAssertEqual(graph.articles.first?.route.path, "/en/issues/spring-special/bloom/")
    }

    func testWithoutIssueKeyTheDateDecidesTheQuarter() {
        let dates = [(PublicationDate(year: 2025, month: 3, day: 31, hour: 23), "2025-q1"),
                     (PublicationDate(year: 2025, month: 6, day: 30), "2025-q2"),
                     (PublicationDate(year: 2024, month: 7, day: 1), "2024-q3"),
                     (PublicationDate(year: 2024, month: 12, day: 31), "2024-q4")]
        for (index, (date, expected)) in dates.enumerated() {
            let (graph, diagnostics) = build([post("piece-\(index)", date: date)])
            XCTAssertEqual(diagnostics, [])
            XCTAssertEqual(graph.articles.map(\.issueID), [expected], date.isoDay)
        }
    }

    func testTheWrittenDayCountsNotTheUTCDay() {
        // 06:00 at +0800 on 1 April is still 31 March in UTC; the author wrote April, so Q2.
        let date = PublicationDate(year: 2025, month: 4, day: 1, hour: 6, utcOffsetSeconds: 8 * 3_600)
        let (graph, diagnostics) = build([post("dawn", date: date)])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.map(\.issueID), ["2025-q2"])
    }

    func testUnknownIssueIsAnErrorAtTheIssueLine() throws {
        let path = "content/posts/en/2025-05-08-orphan.md"
        let orphan = document(path: path, slug: "orphan", date: may,
                              frontMatter: [("title", .string("Orphan")), ("issue", .string("spring-special"))])
        let (graph, diagnostics) = build([orphan], issues: [record("2025-q1", year: 2025, quarter: 1)])
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: path, line: 3, column: 1))
        XCTAssertTrue(diagnostic.message.contains("'spring-special'"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("2025-q1"), "lists the known issues: \(diagnostic.message)")
        XCTAssertTrue(graph.articles.isEmpty)
    }

    func testMalformedQuarterIsAnError() {
        for text in ["2025-Q5", "2025-q0", "25-q1", "2025q1"] {
            let (graph, diagnostics) = build([post("bad", date: may, [("issue", .string(text))])])
            XCTAssertEqual(diagnostics.map(\.severity), [.error], text)
            XCTAssertTrue(graph.articles.isEmpty, text)
        }
    }

    // MARK: Volume and number

    func testRecordVolumeAndNumberAreKept() throws {
        let (graph, _) = build([post("tides", date: january)],
                               issues: [record("2025-q1", year: 2025, quarter: 1, volume: 9, number: 4)], firstYear: 2020)
        let issue = try XCTUnwrap(graph.issue("2025-q1"))
        XCTAssertEqual(issue.volume, 9)
        XCTAssertEqual(issue.number, 4)
        XCTAssertEqual(issue.sourcePath, "content/issues/2025-q1.yml")
    }

    func testVolumeCountsFromTheConfiguredFirstYear() throws {
        let (graph, _) = build([post("tides", date: january), post("bloom", date: may)],
                               issues: [record("2025-q1", year: 2025, quarter: 1)], firstYear: 2023)
        let recorded = try XCTUnwrap(graph.issue("2025-q1"))
        XCTAssertEqual([recorded.volume, recorded.number], [3, 1])
        let derived = try XCTUnwrap(graph.issue("2025-q2"), "a quarter with articles but no file is still an issue")
        XCTAssertEqual([derived.volume, derived.number], [3, 2])
        XCTAssertNil(derived.sourcePath)
    }

    func testWithoutFirstYearTheEarliestYearIsVolumeOne() throws {
        let autumn = PublicationDate(year: 2023, month: 10, day: 2)
        let (graph, _) = build([post("tides", date: january), post("leaves", date: autumn)],
                               issues: [record("2024-q2", year: 2024, quarter: 2)])
        XCTAssertEqual(graph.issue("2023-q4").map { [$0.volume, $0.number] }, [1, 4])
        XCTAssertEqual(graph.issue("2024-q2").map { [$0.volume, $0.number] }, [2, 2])
        XCTAssertEqual(graph.issue("2025-q1").map { [$0.volume, $0.number] }, [3, 1])
    }

    func testRecordYearCountsTowardsTheEarliestYear() throws {
        let (graph, _) = build([post("tides", date: january)], issues: [record("2022-q3", year: 2022, quarter: 3)])
        XCTAssertEqual(graph.issue("2022-q3")?.volume, 1, "an issue file with no articles still counts")
        XCTAssertEqual(graph.issue("2025-q1")?.volume, 4)
    }

    // MARK: Listing

    func testIssuesAreNewestFirst() {
        let (graph, diagnostics) = build(
            [post("tides", date: january), post("bloom", date: may),
             post("leaves", date: PublicationDate(year: 2024, month: 11, day: 3))],
            issues: [record("2025-q3", year: 2025, quarter: 3), record("2024-q1", year: 2024, quarter: 1)])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.issues.map(\.id), ["2025-q3", "2025-q2", "2025-q1", "2024-q4", "2024-q1"])
    }

    func testCurrentIssueIsTheLatestWithAnArticle() {
        let (graph, _) = build([post("tides", date: january), post("bloom", date: may)],
                               issues: [record("2025-q4", year: 2025, quarter: 4), record("2025-q3", year: 2025, quarter: 3)])
        XCTAssertEqual(graph.issues.first?.id, "2025-q4")
        XCTAssertEqual(graph.currentIssue?.id, "2025-q2", "issues announced but still empty are not current")
    }

    func testNoArticlesMeansNoCurrentIssue() {
        let (graph, _) = build([], issues: [record("2025-q1", year: 2025, quarter: 1)])
        XCTAssertEqual(graph.issues.map(\.id), ["2025-q1"])
        XCTAssertNil(graph.currentIssue)
    }

    func testTableOfContentsOrder() {
        let day = PublicationDate(year: 2025, month: 2, day: 10)
        let earlier = PublicationDate(year: 2025, month: 1, day: 5)
        let documents = [
            post("review", date: earlier, [("section", .string("Reviews"))]),
            post("essay-second", date: earlier, [("section", .string("Essays")), ("order", .int(2))]),
            post("essay-first", date: day, [("section", .string("Essays")), ("order", .string("1"))]),
            post("essay-dated", date: earlier, [("section", .string("Essays"))]),
            post("essay-beta", date: day, [("section", .string("Essays"))], title: "Beta"),
            post("essay-alpha", date: day, [("section", .string("Essays"))], title: "Alpha"),
            post("report", date: day, [("section", .string("Dialogue Reports"))]),
            post("interview", date: day, [("section", .string("Interviews"))]),
            post("annex", date: day, [("section", .string("Annexes"))]),
            post("loose-late", date: day),
            post("loose-early", date: earlier),
            post("chinese-essay", language: "zh", date: day, [("section", .string("Essays"))]),
        ]
        let (graph, diagnostics) = build(documents)
        XCTAssertEqual(diagnostics, [])
        let toc = graph.tableOfContents("2025-q1", language: "en")
        XCTAssertEqual(toc.map(\.section), ["Essays", "Dialogue Reports", "Reviews", "Annexes", "Interviews", nil],
                       "configured sections first, others alphabetically, unsectioned last")
        XCTAssertEqual(toc.first?.articles.map(\.document.slug),
                       ["essay-first", "essay-second", "essay-dated", "essay-alpha", "essay-beta"],
                       "order:, then date, then title")
        XCTAssertEqual(toc.last?.articles.map(\.document.slug), ["loose-early", "loose-late"])
        XCTAssertEqual(graph.tableOfContents("2025-q1", language: "zh").map { $0.articles.map(\.document.slug) },
                       [["chinese-essay"]])
        XCTAssertTrue(graph.tableOfContents("2025-q2", language: "en").isEmpty)
    }

    func testSectionOrderFollowsTheConfiguration() {
        let documents = [post("a", date: january, [("section", .string("Essays"))]),
                         post("b", date: january, [("section", .string("Reviews"))])]
        let (graph, _) = build(documents, sections: ["Reviews", "Essays"])
        XCTAssertEqual(graph.tableOfContents("2025-q1", language: "en").map(\.section), ["Reviews", "Essays"])
    }

    func testSectionNamesMatchWhateverTheirCase() {
        let documents = [post("a", date: january, [("section", .string("essays"))]),
                         post("b", date: january, [("section", .string("Essays"))])]
        let (graph, _) = build(documents)
        let toc = graph.tableOfContents("2025-q1", language: "en")
        XCTAssertEqual(toc.map(\.section), ["Essays"], "one group, in the configured spelling")
        XCTAssertEqual(toc.first?.articles.count, 2)
    }

    // MARK: Switching language

    func testUntranslatedArticleSwitchesToItsIssueInTheOtherLanguage() {
        let special = record("spring-special", year: 2025, quarter: 2)
        let lonely = post("lonely", date: may, [("issue", .string("spring-special"))])
        let paired = post("paired", date: january)
        let pairedZh = post("paired", language: "zh", date: january)
        let (graph, diagnostics) = build([lonely, paired, pairedZh], issues: [special])
        XCTAssertEqual(diagnostics, [])

        let fallback = graph.switchTarget(for: lonely, in: "zh")
        XCTAssertEqual(fallback.route.path, "/zh/issues/spring-special/")
        XCTAssertFalse(fallback.isTranslation)

        let translated = graph.switchTarget(for: paired, in: "zh")
        XCTAssertEqual(translated.route.path, "/zh/issues/2025-q1/paired/")
        XCTAssertTrue(translated.isTranslation)
    }
}
