import DuetBuild
import XCTest

/// A third language is a configuration change: a `site.yml` entry and an i18n file, no code.
final class ThirdLanguageTests: XCTestCase {
    func testFrenchJoinsWithItsOwnWordsDatesAndHreflang() throws {
        let site = try SiteFixture(fixture: "trilingual")
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
        try FileManager.default.copyItem(
            at: SiteFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/trilingual/i18n/fr.yml"),
            to: theme.appendingPathComponent("i18n/fr.yml"))
        var options = site.options(strict: true)
        options.theme = theme.path
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(report.summary.hasPrefix("Built 26 pages (en 8, zh 8, fr 8, 2 shared)"), report.summary)

        let fr = try site.page("fr/issues/2025-q2/river-talks/index.html")
        XCTAssertTrue(fr.contains("<html lang=\"fr\">"))
        XCTAssertTrue(fr.contains(">6 mai 2025</time>"), fr)
        XCTAssertTrue(fr.contains("1 min de lecture"))
        XCTAssertTrue(fr.contains("<meta property=\"og:locale\" content=\"fr_FR\">"))
        for (lang, url) in [("en", "/en/issues/2025-q2/river-talks/"), ("zh-Hans", "/zh/issues/2025-q2/river-talks/"), ("fr", "/fr/issues/2025-q2/river-talks/")] {
            XCTAssertTrue(fr.contains("<link rel=\"alternate\" hreflang=\"\(lang)\" href=\"\(url)\">"), lang)
        }
        XCTAssertTrue(try site.page("en/issues/2025-q2/river-talks/index.html").contains("<a href=\"/fr/issues/2025-q2/river-talks/\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
        XCTAssertTrue(try site.page("index.html").contains("<a href=\"/fr/\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
        XCTAssertTrue(site.exists("fr/feed.xml"))
    }

    func testMissingStringsFileIsAWarningAndFallsBackToTheDefaultLanguage() throws {
        let site = try SiteFixture(fixture: "trilingual")
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        let warning = try XCTUnwrap(report.diagnostics.first { $0.message.contains("no interface strings") })
        XCTAssertTrue(warning.description.hasSuffix("i18n/fr.yml: warning: no interface strings for language 'fr'; using the en ones"),
                      warning.description)
        XCTAssertTrue(try site.page("fr/index.html").contains("Latest articles"))
        XCTAssertFalse(site.build(strict: true).succeeded, "--strict refuses the fallback")
    }
}

/// The theme's interface strings: a missing key falls back with a warning; broken YAML is an error.
final class InterfaceStringsTests: XCTestCase {
    private func themeCopy(in site: SiteFixture) throws -> URL {
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
        return theme
    }

    func testMissingKeyFallsBackToTheDefaultLanguageWithAWarning() throws {
        let site = try SiteFixture(files: ["posts/zh/2025-03-01-a.md": "---\ntitle: 甲\n---\n正文。\n"])
        defer { site.remove() }
        let theme = try themeCopy(in: site)
        let zh = theme.appendingPathComponent("i18n/zh.yml")
        let text = try String(contentsOf: zh, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("all_issues:") }
        try text.joined(separator: "\n").write(to: zh, atomically: true, encoding: .utf8)
        var options = site.options()
        options.theme = theme.path
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description),
                       ["\(theme.path)/i18n/zh.yml: warning: interface string 'all_issues' is missing; using the en text"])
        XCTAssertTrue(try site.page("zh/index.html").contains("All issues"))
    }

    func testInvalidStringsYAMLIsAnErrorWithItsLine() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let theme = try themeCopy(in: site)
        try "home: 首页\nmenu: [unclosed\n".write(to: theme.appendingPathComponent("i18n/zh.yml"), atomically: true, encoding: .utf8)
        var options = site.options()
        options.theme = theme.path
        let report = Builder(options: options).build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.diagnostics[0].description.hasPrefix("\(theme.path)/i18n/zh.yml:2:7: error: invalid YAML"),
                      report.diagnostics[0].description)
    }
}
