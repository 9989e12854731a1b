import DuetModel
import XCTest

final class RouteTests: XCTestCase {
    private func problem(_ raw: String) -> Route.Problem? {
        do throws(Route.Problem) {
            let route = try Route.validated(raw)
            XCTFail("'\(raw)' was accepted as \(route.path)")
            return nil
        } catch {
            return error
        }
    }

    func testFolderPathWritesIndexHTML() throws {
        let route = try Route.validated("/a/b/")
        XCTAssertEqual(route.path, "/a/b/")
        XCTAssertEqual(route.outputPath, "a/b/index.html")
    }

    func testPathWithoutExtensionBecomesAFolder() throws {
        let route = try Route.validated("/about")
        XCTAssertEqual(route.path, "/about/")
        XCTAssertEqual(route.outputPath, "about/index.html")
    }

    func testPathWithExtensionIsAFile() throws {
        let route = try Route.validated("/feed.xml")
        XCTAssertEqual(route.path, "/feed.xml")
        XCTAssertEqual(route.outputPath, "feed.xml")
    }

    func testRepeatedAndMissingSlashesAreNormalised() throws {
        XCTAssertEqual(try Route.validated("en//2025///slug").path, "/en/2025/slug/")
        XCTAssertEqual(try Route.validated("").outputPath, "index.html")
        XCTAssertEqual(try Route.validated("/").path, "/")
    }

    func testDotDotSegmentsEscapeTheOutput() {
        XCTAssertEqual(problem("/en/../../etc/"), .escapesOutput("/en/../../etc/"))
        XCTAssertEqual(problem("/./x/"), .escapesOutput("/./x/"))
    }

    func testPercentEncodedDotsEscapeTheOutput() {
        XCTAssertEqual(problem("/en/%2e%2e/secret/"), .escapesOutput("/en/%2e%2e/secret/"))
        XCTAssertEqual(problem("/en/%2E%2e/secret/"), .escapesOutput("/en/%2E%2e/secret/"))
        XCTAssertEqual(problem("/en/.%2E/x"), .escapesOutput("/en/.%2E/x"))
    }

    func testDotsInsideASegmentAreFine() throws {
        XCTAssertEqual(try Route.validated("/en/v1..2/").outputPath, "en/v1..2/index.html")
    }

    func testSchemeAndHostAreNotSitePaths() {
        XCTAssertEqual(problem("http://x/"), .notASitePath("http://x/"))
        XCTAssertEqual(problem("//host/"), .notASitePath("//host/"))
        XCTAssertEqual(problem("/en\\x/"), .notASitePath("/en\\x/"))
    }

    func testProblemDescriptionsNameThePermalink() {
        XCTAssertEqual(Route.Problem.escapesOutput("/../").description,
                       "permalink '/../' escapes the output folder ('.' and '..' segments are not allowed)")
        XCTAssertTrue(Route.Problem.notASitePath("//host/").description.contains("'//host/'"))
    }
}
