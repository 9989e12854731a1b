import DuetCheck
import DuetModel
import Foundation
import XCTest

/// `duet list`: one row per document whatever the flags, with its state and whether this build
/// would include it; CSV per RFC 4180 and JSON with a stable key order.
final class ListTests: XCTestCase {
    static let files = [
        "posts/en/2025-02-10-spring-tides.md": """
            ---
            title: Spring Tides
            author: Mira Castellanos and Dong Jiayi
            date: 2025-02-10 09:30:00 +0800
            ---

            Tides rose early, and the "old" gauges lagged
            by a day.

            The rest of the survey follows.
            """,
        "posts/zh/2025-02-10-spring-tides.md": "---\ntitle: 春潮\nauthor: 董嘉怡\n---\n\n今年春潮来得早，<em>旧</em>潮位计慢了一天。\n",
        "posts/en/2025-03-01-draft-notes.md": "---\ntitle: Draft Notes\ndraft: true\n---\n\nNot ready yet.\n",
        "posts/en/2026-06-01-summer-plans.md": "---\ntitle: Summer Plans\n---\n\nWhat the summer season will bring.\n",
        "pages/en/about.md": "---\ntitle: About\npublished: false\n---\n\nAn old about page, kept for the record.\n",
    ]

    private func rows(drafts: Bool = false, future: Bool = false) throws -> [ListedPage] {
        let site = try TempSite(files: Self.files)
        defer { site.remove() }
        let model = SourceModel.load(source: site.content.path)
        // The same front half as `duet build`: its warnings (authors without a registry file) too.
        XCTAssertEqual(model.diagnostics.map(\.severity), [.warning, .warning, .warning])
        XCTAssertTrue(model.diagnostics.allSatisfy { $0.message.contains("is not in the registry") }, "\(model.diagnostics)")
        let now = Int64(TempSite.now.timeIntervalSince1970)
        return ListedPage.rows(of: model, selection: ContentSelection(includeDrafts: drafts, includeFuture: future, now: now))
            .map { row in
                var row = row
                row.path = String(row.path.dropFirst(site.content.path.count + 1))
                return row
            }
    }

    func testEveryDocumentIsListedWithItsStateWhateverTheFlags() throws {
        let plain = try rows()
        XCTAssertEqual(plain.map(\.path), [
            "pages/en/about.md", "posts/en/2025-02-10-spring-tides.md", "posts/en/2025-03-01-draft-notes.md",
            "posts/en/2026-06-01-summer-plans.md", "posts/zh/2025-02-10-spring-tides.md",
        ])
        XCTAssertEqual(plain.map(\.state.rawValue), ["unpublished", "published", "draft", "future", "published"])
        XCTAssertEqual(plain.map(\.included), [false, true, false, false, true])
        XCTAssertEqual(plain.map(\.url), ["/en/about/", "/en/2025/spring-tides/", "/en/2025/draft-notes/",
                                          "/en/2026/summer-plans/", "/zh/2025/spring-tides/"])
        let withFlags = try rows(drafts: true, future: true)
        XCTAssertEqual(withFlags.map(\.state.rawValue), plain.map(\.state.rawValue), "the state does not depend on the flags")
        XCTAssertEqual(withFlags.map(\.included), [false, true, true, true, true])
    }

    func testJSONGivesURLDateAndPlainTextExcerptInAStableKeyOrder() throws {
        let json = ListFormat.json.render(try rows())
        XCTAssertTrue(json.contains("""
              {
                "path": "posts/en/2025-02-10-spring-tides.md",
                "language": "en",
                "url": "/en/2025/spring-tides/",
                "date": "2025-02-10T09:30:00+08:00",
                "issue": "2025-q1",
                "authors": ["Mira Castellanos", "Dong Jiayi"],
                "translation_key": "2025-02-10-spring-tides",
                "excerpt": "Tides rose early, and the “old” gauges lagged by a day.",
                "state": "published",
                "included": true
              }
            """), json)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(decoded.count, 5)
        XCTAssertEqual(decoded.last?["excerpt"] as? String, "今年春潮来得早，旧潮位计慢了一天。")
        XCTAssertEqual(decoded.last?["date"] as? String, "2025-02-10T00:00:00+08:00")
        XCTAssertEqual(decoded.first?["date"] as? String, "", "pages have no date")
    }

    func testCSVQuotesCommasQuotesAndLineBreaks() {
        let row = ListedPage(path: "posts/en/a,b.md", language: "en", url: "/en/a/", date: "", issue: "",
                             authors: ["Ann \"Nan\" Lee", "Bo Wu"], translationKey: "a", excerpt: "one\ntwo",
                             state: .draft, included: false)
        XCTAssertEqual(ListFormat.csv.render([row]), """
            path,language,url,date,issue,authors,translation_key,excerpt,state,included\r
            "posts/en/a,b.md",en,/en/a/,,,"Ann ""Nan"" Lee; Bo Wu",a,"one
            two",draft,false\r

            """)
    }
}
