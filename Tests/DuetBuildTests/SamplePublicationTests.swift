import DuetBuild
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The sample publication in `content/`, built once: every hreflang cluster reciprocal and
/// resolving, every switcher link resolving, each language's pages free of the other's words,
/// and both feeds valid Atom.
final class SamplePublicationTests: XCTestCase {
    nonisolated(unsafe) static var output: URL?
    nonisolated(unsafe) static var pages: [String: String] = [:]

    override class func setUp() {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-sample-\(UUID().uuidString)")
        let root = SiteFixture.repositoryRoot
        let report = Builder(options: BuildOptions(
            source: root.appendingPathComponent("content").path, theme: SiteFixture.defaultTheme.path,
            output: output.path, strict: true, baseURL: "")).build()
        guard report.succeeded else { return }
        Self.output = output
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html", let html = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count))
            Self.pages[relative.replacing(/index\.html$/, with: "")] = html
        }
    }

    override class func tearDown() {
        if let output { try? FileManager.default.removeItem(at: output) }
    }

    private func links(_ pattern: Regex<(Substring, Substring, Substring)>, in html: String) -> [(String, String)] {
        html.matches(of: pattern).map { (String($0.output.1), String($0.output.2)) }
    }

    func testSampleBuildsStrictlyWithManyPages() {
        XCTAssertNotNil(Self.output, "the sample publication must build with --strict")
        XCTAssertGreaterThan(Self.pages.count, 20)
    }

    func testHreflangClustersAreReciprocalAndResolve() throws {
        XCTAssertNotNil(Self.output)
        var checked = 0
        for (path, html) in Self.pages where !path.hasSuffix("404.html") {
            let cluster = links(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/, in: html)
            XCTAssertFalse(cluster.isEmpty, "\(path) has no hreflang cluster")
            XCTAssertTrue(cluster.contains { $0.1 == path }, "\(path) must list itself")
            XCTAssertEqual(cluster.filter { $0.0 == "x-default" }.count, 1, path)
            for (lang, target) in cluster where lang != "x-default" {
                let other = try XCTUnwrap(Self.pages[target], "\(path) -> \(target) does not exist")
                let back = links(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/, in: other)
                XCTAssertTrue(back.contains { $0.1 == path }, "\(target) does not link back to \(path)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 40)
    }

    func testEverySwitcherLinkResolves() throws {
        XCTAssertNotNil(Self.output)
        for (path, html) in Self.pages {
            guard let nav = html.firstMatch(of: /<ul class="languages">(?s)(.*?)<\/ul>/)?.output.1 else { continue }
            for match in nav.matches(of: /<a href="([^"]+)"/) {
                XCTAssertNotNil(Self.pages[String(match.output.1)], "switcher on \(path) leads to a missing \(match.output.1)")
            }
        }
    }

    func testNoInterfaceWordOfOneLanguageOnTheOthersPages() throws {
        XCTAssertNotNil(Self.output)
        let theme = SiteFixture.defaultTheme.appendingPathComponent("i18n")
        func words(_ file: String) throws -> [String] {
            try String(contentsOf: theme.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains("_format") && !$0.contains("separator:") }
                .compactMap { $0.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                .filter { $0.count > 3 && !$0.contains("{n}") }
        }
        let shared = Set(try words("en.yml")).intersection(try words("zh.yml"))
        let english = try words("en.yml").filter { !shared.contains($0) }, chinese = try words("zh.yml").filter { !shared.contains($0) }
        for (path, html) in Self.pages where path.hasPrefix("/zh/") {
            let chrome = html.replacing(/<div class="parallel-row">(?s).*<\/article>/, with: "")
            for word in english { XCTAssertFalse(chrome.contains(">\(word)<"), "'\(word)' on \(path)") }
        }
        for (path, html) in Self.pages where path.hasPrefix("/en/") {
            // A parallel view shows the other version's text (its own words, not the interface's).
            let chrome = html.replacing(/<div class="parallel-row">(?s).*<\/article>/, with: "")
            for word in chinese { XCTAssertFalse(chrome.contains(word), "'\(word)' on \(path)") }
        }
    }

    func testSamplesHaveUnpairedArticlesInBothDirections() throws {
        XCTAssertNotNil(Self.output)
        let notes = Self.pages.filter { $0.value.contains("class=\"translation-note\"") }.keys
        XCTAssertTrue(notes.contains { $0.hasPrefix("/en/") }, "an English-only article")
        XCTAssertTrue(notes.contains { $0.hasPrefix("/zh/") }, "a Chinese-only article")
    }

    func testFeedsParseAsAtom() throws {
        let output = try XCTUnwrap(Self.output)
        for (language, tag) in [("en", "en"), ("zh", "zh-Hans")] {
            let data = try Data(contentsOf: output.appendingPathComponent("\(language)/feed.xml"))
            let reader = AtomReader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            XCTAssertTrue(parser.parse(), "\(language)/feed.xml is not well-formed XML")
            XCTAssertEqual(reader.rootName, "feed")
            XCTAssertEqual(reader.rootAttributes["xml:lang"], tag)
            XCTAssertEqual(reader.rootAttributes["xmlns"], "http://www.w3.org/2005/Atom")
            for required in ["title", "id", "updated", "author"] {
                XCTAssertTrue(reader.feedChildren.contains(required), "feed lacks <\(required)>")
            }
            XCTAssertGreaterThan(reader.entries.count, 3)
            for entry in reader.entries {
                for required in ["title", "id", "updated", "link", "content"] {
                    XCTAssertNotNil(entry[required], "an entry of \(language)/feed.xml lacks <\(required)>")
                }
                XCTAssertTrue(entry["id"]?.hasPrefix("/\(language)/") == true || entry["id"]?.hasPrefix("http") == true)
            }
        }
    }
}

/// Collects a feed's top-level children and each entry's children, enough to check RFC 4287's
/// required elements.
private final class AtomReader: NSObject, XMLParserDelegate {
    var rootName: String?
    var rootAttributes: [String: String] = [:]
    var feedChildren: Set<String> = []
    var entries: [[String: String]] = []
    private var depth = 0
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        text = ""
        if depth == 1 { rootName = name; rootAttributes = attributes }
        if depth == 2 { feedChildren.insert(name); if name == "entry" { entries.append([:]) } }
        if depth == 3, name == "link", let href = attributes["href"] { entries[entries.count - 1]["link"] = href }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 3, !entries.isEmpty, name != "link" { entries[entries.count - 1][name] = text }
        depth -= 1
    }
}
