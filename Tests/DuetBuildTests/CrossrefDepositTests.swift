import DuetBuild
import DuetModel
import Foundation
import XCTest

/// The Crossref deposits: one per issue, accepted by Crossref's schema, every language version
/// registered and related to the others as a translation, and escaped wherever text is written.
final class CrossrefDepositTests: XCTestCase {
    nonisolated(unsafe) static var sample: URL?

    override class func setUp() {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-crossref-\(UUID().uuidString)")
        let report = Builder(options: BuildOptions(source: SiteFixture.repositoryRoot.appendingPathComponent("content").path,
                                                   theme: SiteFixture.defaultTheme.path, output: output.path, strict: true)).build()
        if report.succeeded { sample = output }
    }

    override class func tearDown() {
        if let sample { try? FileManager.default.removeItem(at: sample) }
    }

    /// Each `<journal_article>`'s language, DOI and relations (the schema test checks the structure).
    private func articles(in file: URL) throws -> [(language: String, doi: String, relations: [String])] {
        let xml = try String(contentsOf: file, encoding: .utf8)
        return xml.matches(of: /<journal_article language="([a-z]+)"[^>]*>(.*?)<\/journal_article>/.dotMatchesNewlines()).map { match in
            let body = match.output.2
            let doi = body.firstMatch(of: /<doi_data>\n<doi>([^<]+)<\/doi>/).map { String($0.output.1) } ?? ""
            let relations = body.matches(of: /relationship-type="([A-Za-z]+)" identifier-type="doi">([^<]+)</).map {
                "\($0.output.1) \($0.output.2)"
            }
            return (String(match.output.1), doi, relations)
        }
    }

    func testEveryIssueOfTheSampleHasADepositTheSchemaAccepts() throws {
        try CrossrefSchema.skipUnlessAvailable()
        let output = try XCTUnwrap(Self.sample, "the sample must build with --strict")
        let issues = try FileManager.default.contentsOfDirectory(atPath: SiteFixture.repositoryRoot.appendingPathComponent("content/issues").path)
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }
        let deposits = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("crossref").path).sorted()
        XCTAssertEqual(deposits, (issues + ["2025-q3", "2025-q4"]).map { $0 + ".xml" }.sorted().uniqued())
        for name in deposits {
            let file = output.appendingPathComponent("crossref/\(name)")
            XCTAssertNil(try CrossrefSchema.problems(file), name)
            let registered = try articles(in: file)
            XCTAssertTrue(registered.contains { $0.language == "en" } || registered.contains { $0.language == "zh" }, name)
            for article in registered {
                XCTAssertTrue(article.doi.hasPrefix("10.5555/duet.\(name.dropLast(4))."), article.doi)
                XCTAssertTrue(article.doi.hasSuffix(".\(article.language)"), article.doi)
            }
        }
    }

    func testBothLanguageVersionsAreRelatedAsTranslations() throws {
        let output = try XCTUnwrap(Self.sample)
        let registered = try articles(in: output.appendingPathComponent("crossref/2025-q1.xml"))
        let english = try XCTUnwrap(registered.first { $0.doi == "10.5555/duet.2025-q1.designing-the-small-table.en" })
        let chinese = try XCTUnwrap(registered.first { $0.doi == "10.5555/duet.2025-q1.designing-the-small-table.zh" })
        XCTAssertEqual(english.relations, ["hasTranslation 10.5555/duet.2025-q1.designing-the-small-table.zh"])
        XCTAssertEqual(chinese.relations, ["isTranslationOf 10.5555/duet.2025-q1.designing-the-small-table.en"])
        let xml = try String(contentsOf: output.appendingPathComponent("crossref/2025-q1.xml"), encoding: .utf8)
        XCTAssertTrue(xml.contains("<title>小圆桌的设计学</title>\n<original_language_title language=\"en\">Designing the Small Table</original_language_title>"))
        // Names in the article's own script: a transliterated name splits at its dot, a Chinese one after the family name.
        XCTAssertTrue(xml.contains("<given_name>埃琳娜</given_name>\n<surname>马奇班克</surname>"))
        XCTAssertTrue(xml.contains("<given_name>若溪</given_name>\n<surname>唐</surname>"))
        XCTAssertTrue(xml.contains("<given_name>Ruoxi</given_name>\n<surname>Tang</surname>"))
    }

    func testTheDepositDependsOnTheContentNotTheClock() throws {
        let output = try XCTUnwrap(Self.sample)
        let first = try Data(contentsOf: output.appendingPathComponent("crossref/2025-q1.xml"))
        let again = FileManager.default.temporaryDirectory.appendingPathComponent("duet-crossref-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: again) }
        XCTAssertTrue(Builder(options: BuildOptions(source: SiteFixture.repositoryRoot.appendingPathComponent("content").path,
                                                    theme: SiteFixture.defaultTheme.path, output: again.path,
                                                    now: Date(timeIntervalSince1970: 1_900_000_000))).build().succeeded)
        XCTAssertEqual(try Data(contentsOf: again.appendingPathComponent("crossref/2025-q1.xml")), first)
        let xml = String(decoding: first, as: UTF8.self)
        XCTAssertNotNil(xml.firstMatch(of: /<doi_batch_id>duet-2025-q1-[0-9a-f]{16}<\/doi_batch_id>/))
        // The issue's latest date (published 2025-03-31 in Shanghai: 16:00 UTC the day before) leads the timestamp.
        XCTAssertNotNil(xml.firstMatch(of: /<timestamp>20250330160000[0-9]{5}<\/timestamp>/), xml)
    }

    func testMarkupAndChineseTextAreEscapedAndValidate() throws {
        let site = try RegisteredJournal.make()
        defer { site.remove() }
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let file = site.output.appendingPathComponent("crossref/2025-q1.xml")
        let xml = try String(contentsOf: file, encoding: .utf8)
        for fragment in [
            "<depositor_name>Test Review Office &amp; Co.</depositor_name>",
            "<registrant>Harbor &lt;Pacific&gt; Institute</registrant>",
            "<title>Ports &amp; &lt;Passages&gt;</title>",
            "<title>Why Hotlines Go Quiet: &lt;Silence&gt; &amp; Signals</title>",
            "<title>热线为何沉默：&lt;信号&gt; &amp; 噪音</title>",
            "<original_language_title language=\"en\">Why Hotlines Go Quiet: &lt;Silence&gt; &amp; Signals</original_language_title>",
            "<given_name>Hollis &lt;Holly&gt;</given_name>\n<surname>Marchetti &amp; Sons</surname>",
            "<institution_name>Jinling School of Diplomacy &amp; Law</institution_name>",
            "<institution_name>金陵外交与法律学院</institution_name>",
            "<ORCID>https://orcid.org/0000-0002-1825-0097</ORCID>",
            "<jats:p>When a channel is &lt; useful &amp; quiet, who calls first? 热线</jats:p>",
            "<jats:p>渠道有用却沉默时，谁先拨号？&lt;注&gt; &amp; 说明</jats:p>",
            "<issn media_type=\"electronic\">2999-0017</issn>\n<issn media_type=\"print\">0317-8471</issn>",
            "<ai:license_ref applies_to=\"vor\">https://creativecommons.org/publicdomain/zero/1.0/</ai:license_ref>",
            "<doi>10.5555/legacy.fisheries</doi>\n<resource>https://journal.example.org/en/issues/2025-q1/fisheries-workshop/</resource>",
            "relationship-type=\"isTranslationOf\" identifier-type=\"doi\">10.5555/duet.2025-q1.quiet-hotlines.en<",
        ] {
            XCTAssertTrue(xml.contains(fragment), fragment)
        }
        // An untranslated article is related to nothing.
        XCTAssertEqual(try articles(in: file).first { $0.doi == "10.5555/legacy.fisheries" }?.relations, [])
        try CrossrefSchema.skipUnlessAvailable()
        XCTAssertNil(try CrossrefSchema.problems(file))
    }

    func testExportPrintsTheBytesTheBuildWrites() throws {
        let site = try RegisteredJournal.make()
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let written = try site.page("crossref/2025-q1.xml")
        XCTAssertEqual(try CrossrefExport.deposit(options: site.options(), issue: "2025-Q1").get(), written)
        XCTAssertEqual(try CrossrefExport.deposit(options: site.options(), issue: nil).get(), written)
        guard case .failure(let error) = CrossrefExport.deposit(options: site.options(), issue: "2019-q1") else {
            return XCTFail("an unknown issue must fail")
        }
        XCTAssertTrue(error.description.hasSuffix("content/site.yml: error: no issue '2019-q1' with registered articles (issues: 2025-q1)"),
                      error.description)
    }

    func testARelativeBaseURLWritesNoDepositAndTheExportSaysWhy() throws {
        let site = try SiteFixture(files: RegisteredJournal.files,
                                   siteYAML: RegisteredJournal.siteYAML.replacing("base_url: https://journal.example.org\n", with: ""))
        defer { site.remove() }
        XCTAssertTrue(site.build(strict: true).succeeded)
        XCTAssertFalse(site.exists("crossref"))
        guard case .failure(let error) = CrossrefExport.deposit(options: site.options(), issue: nil) else {
            return XCTFail("no deposit without an absolute base URL")
        }
        XCTAssertTrue(error.description.contains("base_url is not an absolute http(s) URL"), error.description)
    }
}

private extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
