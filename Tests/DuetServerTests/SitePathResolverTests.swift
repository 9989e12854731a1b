@testable import DuetServer
import Foundation
import XCTest

/// The path checks on their own, without a server: what is refused, what is normalized.
final class SitePathResolverTests: XCTestCase {
    func testRefusesEscapesAndMalformedPaths() {
        for raw in ["/../x", "/%2e%2e/x", "/..%2fx", "/a/..%2F..%2Fx", "/..%5cx", "/..\\x", "/a%00b", "/%c0%ae%c0%ae/x",
                    "/%e0%80%ae/x", "/%zz", "/%4", "x", "http://host/x", "/a/%2e%2e/b"] {
            guard case .failure = SitePathResolver.normalize(raw) else { return XCTFail("\(raw) was accepted") }
        }
    }

    func testNormalizesOnce() throws {
        let (segments, slash) = try SitePathResolver.normalize("//en/./issues//2025-q1/").get()
        XCTAssertEqual(segments, ["en", "issues", "2025-q1"])
        XCTAssertTrue(slash)
        // Decoded exactly once: %252e stays the literal name "%2e", never "."
        XCTAssertEqual(try SitePathResolver.normalize("/%252e%252e/x").get().segments, ["%2e%2e", "x"])
        XCTAssertEqual(try SitePathResolver.normalize("/zh/%E5%85%B3%E4%BA%8E/").get().segments, ["zh", "关于"])
    }

    func testRedirectLocationsAreSingleSlashAndEncoded() {
        XCTAssertEqual(SitePathResolver.encode(["evil.example", "x y"]), "/evil.example/x%20y")
    }
}
