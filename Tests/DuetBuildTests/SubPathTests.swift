import DuetBuild
import Foundation
import XCTest

/// `--base-url https://example.org/review/` (GitHub project pages): every link, asset and feed URL
/// of the built sample site lives under `/review/` and resolves to a written file.
final class SubPathTests: XCTestCase {
    func testEveryInternalLinkOfTheSampleResolvesUnderTheSubPath() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-subpath-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = Builder(options: BuildOptions(
            source: SiteFixture.repositoryRoot.appendingPathComponent("content").path,
            theme: SiteFixture.defaultTheme.path, output: output.path, baseURL: "https://review.test/review/")).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))

        var checked = 0
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["html", "xml"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for match in text.matches(of: /(?:href|src)="([^"#]*)(?:#[^"]*)?"/) {
                var link = String(match.output.1)
                if link.isEmpty || link.hasPrefix("mailto:") { continue }
                if link.hasPrefix("https://review.test/") { link = String(link.dropFirst("https://review.test".count)) }
                if link.hasPrefix("http://") || link.hasPrefix("https://") { continue }
                let page = String(url.path.dropFirst(output.path.count))
                XCTAssertTrue(link.hasPrefix("/review/"), "\(page) links \(link) outside the sub-path")
                guard link.hasPrefix("/review/") else { continue }
                var target = String(link.dropFirst("/review".count))
                if target.hasSuffix("/") { target += "index.html" }
                XCTAssertTrue(FileManager.default.fileExists(atPath: output.path + target), "\(page) links \(link), which was not written")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    /// What leaves the site as an absolute URL (canonical and Open Graph `content`, feed ids and
    /// links, `srcset`): under the base URL's sub-path too, and pointing at written files.
    func testAbsoluteURLsInMetadataAndFeedsStayUnderTheSubPath() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("duet-subpath-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = Builder(options: BuildOptions(
            source: SiteFixture.repositoryRoot.appendingPathComponent("content").path,
            theme: SiteFixture.defaultTheme.path, output: output.path, baseURL: "https://review.test/review/")).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))

        var checked = 0
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["html", "xml"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let page = String(url.path.dropFirst(output.path.count))
            for match in text.matches(of: /https?:\/\/review\.test[^"'<>\s,{}()]*/) {
                let link = String(match.output)
                XCTAssertTrue(link.hasPrefix("https://review.test/review/"), "\(page) has \(link) outside the sub-path")
                guard link.hasPrefix("https://review.test/review/") else { continue }
                var target = String(link.dropFirst("https://review.test/review".count).prefix { $0 != "#" && $0 != "?" })
                if target.hasSuffix("/") { target += "index.html" }
                XCTAssertTrue(FileManager.default.fileExists(atPath: output.path + target), "\(page) has \(link), which was not written")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
