import DuetCheck
import XCTest

/// How a URL in a page maps onto the output folder, the way a static host serves it.
final class LinkResolverTests: XCTestCase {
    func testRelativeRootRelativeAndAbsoluteLinksOfThisSite() {
        let resolver = LinkResolver(baseURL: "https://example.org/review/")
        let page = "en/2025/river/index.html"
        XCTAssertEqual(resolver.resolve("../", from: page), .page(path: "en/2025/", fragment: nil))
        XCTAssertEqual(resolver.resolve("notes.pdf#p2", from: page), .page(path: "en/2025/river/notes.pdf", fragment: "p2"))
        XCTAssertEqual(resolver.resolve("/review/zh/2025/%E6%B2%B3/?q=1", from: page), .page(path: "zh/2025/河/", fragment: nil))
        XCTAssertEqual(resolver.resolve("https://EXAMPLE.org/review/en/", from: page), .page(path: "en/", fragment: nil))
        XCTAssertEqual(resolver.resolve("/review", from: page), .page(path: "", fragment: nil))
        XCTAssertEqual(resolver.resolve("#%E6%B0%B4", from: page), .page(path: page, fragment: "水"))
        XCTAssertEqual(resolver.resolve("/en/", from: page), .outsideBase("/en/"))
    }

    func testOtherSitesAndSchemesWithoutFiles() {
        let resolver = LinkResolver(baseURL: "https://example.org")
        XCTAssertEqual(resolver.resolve("//cdn.example.net/a.js", from: "index.html"), .external(host: "cdn.example.net"))
        XCTAssertEqual(resolver.resolve("https://fonts.example.com/css?family=x", from: "index.html"),
                       .external(host: "fonts.example.com"))
        for url in ["mailto:editors@example.org", "tel:+861012345678", "data:image/png;base64,AAAA", "#", ""] {
            XCTAssertEqual(resolver.resolve(url, from: "index.html"), .ignored, url)
        }
    }

    func testCleanURLsAreServedFromTheFolderIndex() {
        XCTAssertEqual(LinkResolver.candidates(for: "en/about/"), ["en/about/index.html"])
        XCTAssertEqual(LinkResolver.candidates(for: "en/about"), ["en/about", "en/about/index.html"])
        XCTAssertEqual(LinkResolver.candidates(for: ""), ["index.html"])
        XCTAssertEqual(LinkResolver.candidates(for: "en/feed.xml"), ["en/feed.xml"])
    }
}
