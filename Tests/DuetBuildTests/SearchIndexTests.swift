import DuetBuild
@testable import DuetRender
import Foundation
import XCTest

/// The search index as the search page's script reads it: built from real Markdown, read back
/// from `search.json`, queried with the same tokenizer and Bloom filter hashing.
final class SearchIndexTests: XCTestCase {
    static let files: [String: String] = [
        "posts/zh/2025-02-10-ferry-talks.md": """
            ---
            title: 渡口边的谈话
            author: 林秋禾
            ---
            这篇文章记录了在江边小镇举行的三次座谈。

            第二次座谈那天下着小雨，参加者围绕渡轮票价的调整争论了很久，最后决定把方案交给镇上的老人们投票。会后我们整理了一份 ferry 时刻表的中英对照稿，又去茶市喝了早茶。
            """,
        "posts/zh/2025-03-05-tea-market.md": """
            ---
            title: 茶市的早晨
            author: 周念安
            ---
            清晨五点，茶市已经热闹起来。

            卖茶的人说，今年春茶的价格比去年高，去城里的车票也涨了。我们在市场边的小摊上喝了一碗粥，听他们聊天气和收成。
            """,
        "authors/lin-qiuhe.yml": "name:\n  en: Lin Qiuhe\n  zh: 林秋禾\n",
        "authors/zhou-nianan.yml": "name:\n  en: Zhou Nian'an\n  zh: 周念安\n",
        "posts/en/2025-02-10-ferry-talks.md": """
            ---
            title: Talks by the Ferry Landing
            author: Lin Qiuhe
            ---
            Notes from three meetings held in a small river town.

            On the second day it drizzled, and the participants argued at length about ferry fares before handing the question to the town's elders.
            """,
    ]

    var site: SiteFixture!

    override func setUpWithError() throws {
        site = try SiteFixture(files: Self.files)
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    override func tearDown() {
        site.remove()
    }

    private func search(_ query: String, language: String) throws -> [String] {
        try SearchQuery.urls(matching: query, in: site.output.appendingPathComponent("\(language)/search.json"))
    }

    func testATwoCharacterWordInTheMiddleOfASentenceFindsItsArticleOnly() throws {
        XCTAssertEqual(try search("票价", language: "zh"), ["/zh/2025/ferry-talks/"])
        // 价格 and 车票 share characters with 票价 but are other words: the tea market does not match.
        XCTAssertEqual(try search("价格", language: "zh"), ["/zh/2025/tea-market/"])
        XCTAssertEqual(try search("票价 调整", language: "zh"), ["/zh/2025/ferry-talks/"])
        XCTAssertEqual(try search("票价 收成", language: "zh"), [], "every word of a query must be there")
    }

    func testAnAuthorsChineseNameFindsTheirArticles() throws {
        XCTAssertEqual(try search("林秋禾", language: "zh"), ["/zh/2025/ferry-talks/"])
        XCTAssertEqual(try search("周念安", language: "zh"), ["/zh/2025/tea-market/"])
        XCTAssertEqual(try search("周", language: "zh"), ["/zh/2025/tea-market/"], "a one-character query matches names")
    }

    func testAnEnglishWordInAChineseArticleIsFoundCaseAndAccentsFolded() throws {
        XCTAssertEqual(try search("Ferry", language: "zh"), ["/zh/2025/ferry-talks/"])
        XCTAssertEqual(try search("FÉRRY", language: "zh"), ["/zh/2025/ferry-talks/"])
        XCTAssertEqual(try search("fares", language: "en"), ["/en/2025/ferry-talks/"])
        XCTAssertEqual(try search("fares", language: "zh"), [], "each language has its own index")
    }

    func testTitleMatchesRankAboveBodyMatches() throws {
        // 茶市 is the tea market's title and a passing mention in the ferry article's body.
        XCTAssertEqual(try search("茶市", language: "zh"), ["/zh/2025/tea-market/", "/zh/2025/ferry-talks/"])
        // The newer article comes first among equals; the title match still wins over it.
        XCTAssertEqual(try search("早茶", language: "zh"), ["/zh/2025/ferry-talks/"])
    }

    func testIndexRecordsWhatResultsShow() throws {
        let json = try site.page("zh/search.json")
        XCTAssertTrue(json.contains("\"t\":\"渡口边的谈话\",\"u\":\"/zh/2025/ferry-talks/\",\"a\":\"林秋禾\",\"e\":\"这篇文章记录了在江边小镇举行的三次座谈。\""), json)
        XCTAssertFalse(json.contains("老人们投票"), "the body is not stored as text")
    }

    func testSearchPageLoadsItsScriptAndIndexAndEveryPageLinksIt() throws {
        let page = try site.page("zh/search/index.html")
        XCTAssertTrue(page.contains("<form class=\"search-form\" role=\"search\" action=\"/zh/search/\" method=\"get\">"), page)
        let script = try XCTUnwrap(page.firstMatch(of: /<script src="\/(js\/search\.[0-9a-f]{8}\.js)" data-index="\/zh\/search.json"/)?.output.1)
        XCTAssertTrue(site.exists(String(script)), "the script is a fingerprinted theme asset")
        XCTAssertTrue(try site.page("en/index.html").contains("<li><a href=\"/en/search/\">Search</a></li>"))
        XCTAssertTrue(try site.page("zh/2025/tea-market/index.html").contains("<li><a href=\"/zh/search/\">搜索</a></li>"))
    }

    /// The index must stay a fraction of what it indexes: measured on the sample publication,
    /// whose articles are full length in both languages.
    func testIndexOfTheSamplePublicationIsUnderThirtyPercentOfItsArticleText() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let root = SiteFixture.repositoryRoot
        let report = Builder(options: BuildOptions(source: root.appendingPathComponent("content").path,
                                                   theme: SiteFixture.defaultTheme.path, output: output.path)).build()
        XCTAssertTrue(report.succeeded)
        var text = 0, index = 0
        for language in ["en", "zh"] {
            var languageText = 0
            let issues = output.appendingPathComponent("\(language)/issues")
            for case let url as URL in FileManager.default.enumerator(at: issues, includingPropertiesForKeys: nil)!
            where url.lastPathComponent == "index.html" && !url.path.contains("/parallel/") {
                let html = try String(contentsOf: url, encoding: .utf8)
                guard let body = html.firstMatch(of: /<div class="body">(?s)(.*?)<\/div>\n(?:<section class="cite"|<\/article>)/)?.output.1 else { continue }
                let plain = body.replacing(/<[^>]+>/, with: " ").replacing(/\s+/, with: " ")
                languageText += plain.utf8.count
            }
            let size = try Data(contentsOf: output.appendingPathComponent("\(language)/search.json")).count
            print("search index \(language): \(size) bytes for \(languageText) bytes of article text (\(size * 100 / max(1, languageText)) %)")
            XCTAssertGreaterThan(languageText, 20_000)
            text += languageText
            index += size
        }
        print("search index, both languages: \(index) bytes for \(text) bytes of article text (\(index * 100 / text) %)")
        XCTAssertLessThan(Double(index), 0.30 * Double(text))
    }
}
