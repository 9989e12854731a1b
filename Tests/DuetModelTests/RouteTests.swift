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

    /// A file's output path in a route's folder, made without the file's route, is the one its
    /// route would have; and a route is a folder when its last Character is `/`.
    func testOutputPathOfAFileInTheFolderIsItsRoutesOutputPath() throws {
        for raw in ["/en/issues/2025-q1/slug/", "/zh/关于/", "/", "/é/", "/a b/"] {
            let route = try Route.validated(raw)
            XCTAssertTrue(route.isFolder, raw)
            for name in ["cite.ris", "cite.json", "cite.bib"] {
                XCTAssertEqual(route.outputPath(ofFile: name), try Route.validated(route.path + name).outputPath, "\(raw) + \(name)")
            }
        }
        XCTAssertEqual(try Route.validated("/zh/关于/").outputPath, "zh/关于/index.html")
        XCTAssertFalse(try Route.validated("/en/x.html").isFolder)
        XCTAssertEqual(try Route.validated("/en/x.html").outputPath, "en/x.html")
    }
}
