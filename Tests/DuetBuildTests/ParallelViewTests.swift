import DuetBuild
import XCTest

/// `/<lang>/.../slug/parallel/`: both versions of an article side by side, section by section.
final class ParallelViewTests: XCTestCase {
    private func build(en: String, zh: String) throws -> SiteFixture {
        let site = try SiteFixture(files: [
            "posts/en/2025-04-02-orchard-visit.md": "---\ntitle: A Visit to the Orchard\n---\n" + en,
            "posts/zh/2025-04-02-orchard-visit.md": "---\ntitle: 果园走访记\n---\n" + zh,
            "posts/en/2025-04-09-untranslated.md": "---\ntitle: Only in English\n---\nNo twin yet.\n",
        ])
        let report = site.build(strict: true)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        return site
    }

    private func rows(_ html: String) -> [Substring] {
        html.split(separator: "<div class=\"parallel-row\">").dropFirst().map { $0 }
    }

    func testSameHeadingsAlignSectionBySection() throws {
        let site = try build(
            en: "We walked the rows at dawn.\n\n## Soil\n\nThe soil was dry.\n\n### Water\n\nA well had been dug.\n\n## Harvest\n\nPears came in early.\n",
            zh: "我们清晨走过一排排果树。\n\n## 土壤\n\n土壤很干。\n\n### 水源\n\n村里新打了一口井。\n\n## 收成\n\n梨子熟得早。\n")
        defer { site.remove() }
        let en = try site.page("en/2025/orchard-visit/parallel/index.html")
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
        XCTAssertFalse(en.contains("class=\"parallel-note\""), "aligned: no note")
        let sections = rows(en)
        XCTAssertEqual(sections.count, 4, "the lead, Soil, Water, Harvest")
        XCTAssertTrue(sections[0].contains("<div class=\"parallel-cell body\" lang=\"en\">\n<p>We walked the rows at dawn.</p>"), String(sections[0]))
        XCTAssertTrue(sections[0].contains("<div class=\"parallel-cell body\" lang=\"zh-Hans\">\n<p>我们清晨走过一排排果树。</p>"))
        XCTAssertTrue(sections[2].contains("<h3 id=\"en-water\">Water</h3>") && sections[2].contains("<h3 id=\"zh-水源\">水源</h3>"), String(sections[2]))
        XCTAssertTrue(sections[3].contains("Pears came in early.") && sections[3].contains("梨子熟得早。"))
        XCTAssertFalse(sections[1].contains("Pears"), "each row holds one section")

        // The Chinese twin puts Chinese first; both articles link their parallel view.
        let zh = try site.page("zh/2025/orchard-visit/parallel/index.html")
        XCTAssertTrue(zh.contains("<html lang=\"zh-Hans\">"))
        XCTAssertTrue(rows(zh)[0].hasPrefix("\n<div class=\"parallel-cell body\" lang=\"zh-Hans\">"))
        XCTAssertTrue(try site.page("en/2025/orchard-visit/index.html").contains(
            "<p class=\"parallel-link\"><a href=\"/en/2025/orchard-visit/parallel/\">Read side by side with the 中文 version</a></p>"))
        XCTAssertTrue(try site.page("zh/2025/orchard-visit/index.html").contains(
            "<p class=\"parallel-link\"><a href=\"/zh/2025/orchard-visit/parallel/\">与English版对照阅读</a></p>"))
        // The switcher and the hreflang cluster lead to the other parallel page.
        XCTAssertTrue(en.contains("<a href=\"/zh/2025/orchard-visit/parallel/\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"))
        XCTAssertTrue(zh.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/2025/orchard-visit/parallel/\">"))
        // An article without a translation has neither the view nor the link.
        XCTAssertFalse(site.exists("en/2025/untranslated/parallel/index.html"))
        XCTAssertFalse(try site.page("en/2025/untranslated/index.html").contains("parallel-link"))
    }

    func testDifferentHeadingsShowWholeTextsWithANote() throws {
        let site = try build(
            en: "Opening.\n\n## Soil\n\nDry.\n\n## Harvest\n\nEarly.\n",
            zh: "开头。\n\n## 土壤与收成\n\n土壤干，收成早。\n")
        defer { site.remove() }
        let en = try site.page("en/2025/orchard-visit/parallel/index.html")
        XCTAssertTrue(en.contains("<p class=\"parallel-note\" role=\"note\">The two versions are not divided into the same sections"), en)
        let sections = rows(en)
        XCTAssertEqual(sections.count, 1)
        XCTAssertTrue(sections[0].contains("Early.") && sections[0].contains("土壤干，收成早。"))
        XCTAssertTrue(try site.page("zh/2025/orchard-visit/parallel/index.html").contains("两个版本的章节划分不一致"))
    }

    func testArticleWithoutHeadingsIsOneRow() throws {
        let site = try build(en: "One paragraph.\n\nAnother paragraph[^1].\n\n[^1]: A note.\n",
                             zh: "一段话。\n\n另一段话[^1]。\n\n[^1]: 一条注释。\n")
        defer { site.remove() }
        let en = try site.page("en/2025/orchard-visit/parallel/index.html")
        XCTAssertFalse(en.contains("parallel-note"))
        XCTAssertEqual(rows(en).count, 1)
        // Both footnote 1s are on the page: ids and their links are kept apart by language.
        XCTAssertTrue(en.contains("href=\"#en-fn-1\""), en)
        XCTAssertTrue(en.contains("href=\"#zh-fn-1\""))
        XCTAssertTrue(en.contains("id=\"en-fn-1\"") && en.contains("id=\"zh-fn-1\""))
    }
}
