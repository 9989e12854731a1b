import DuetModel
@testable import DuetSource
import Foundation
import XCTest

final class SiteConfigLoaderTests: XCTestCase {
    private let path = "content/site.yml"

    private func load(_ yaml: String) throws(SourceError) -> SiteConfig {
        try SiteConfigLoader.load(Data(yaml.utf8), path: path)
    }

    func testMissingFileGivesDefaults() throws {
        let config = try SiteConfigLoader.load(nil, path: path)
        XCTAssertEqual(config, SiteConfig())
        XCTAssertEqual(config.excerptSeparator, "\n\n")
    }

    func testBilingualSettings() throws {
        let config = try load("""
        title:
          en: Duet
          zh: 双声
        base_url: https://example.org/review/
        languages:
          - code: en
            tag: en
            name: English
          - code: zh
            tag: zh-Hans
            name: 中文
            locale: zh_CN
        default_language: en
        timezone: Asia/Shanghai
        excerpt_separator: <excerpt/>
        permalink: /:lang/:year/:month/:slug/
        """)
        XCTAssertEqual(config.languages.map(\.code), ["en", "zh"])
        XCTAssertEqual(config.language("zh")?.tag, "zh-Hans")
        XCTAssertEqual(config.language("zh")?.locale, "zh_CN")
        XCTAssertEqual(config.title(in: "zh"), "双声")
        XCTAssertEqual(config.basePath, "/review")
        XCTAssertEqual(config.timeZone, "Asia/Shanghai")
        XCTAssertEqual(config.excerptSeparator, "<excerpt/>")
        XCTAssertEqual(config.permalink, "/:lang/:year/:month/:slug/")
    }

    func testOneTitleForAllLanguages() throws {
        let config = try load("title: Shared Name\nlanguages: [en, zh]\n")
        XCTAssertEqual(config.titles, ["en": "Shared Name", "zh": "Shared Name"])
        XCTAssertEqual(config.defaultLanguage, "en")
    }

    func testUnknownTimeZoneIsReportedAtItsLine() {
        do throws(SourceError) {
            _ = try load("title: Duet\ntimezone: Mars/Olympus\n")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.location, SourceLocation(file: path, line: 2, column: 1))
            XCTAssertTrue(error.message.contains("Mars/Olympus"), error.message)
        }
    }

    func testUndeclaredDefaultLanguage() {
        do throws(SourceError) {
            _ = try load("languages: [en, zh]\ndefault_language: fr\n")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.description,
                           "\(path):2:1: error: default_language 'fr' is not one of the declared languages")
        }
    }
}
