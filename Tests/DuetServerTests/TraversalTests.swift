import Foundation
import XCTest

/// Every classic way out of a web root, sent byte for byte: none may return a file outside the site.
final class TraversalTests: XCTestCase {
    func testTraversalVectorsNeverServeAFileOutsideTheSite() throws {
        let site = try servedSite()
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: site.root.appendingPathComponent("secret.txt"))
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: site.output.appendingPathComponent("leak.txt").path,
                                           withDestinationPath: "../secret.txt")
        try fileManager.createSymbolicLink(atPath: site.output.appendingPathComponent("leakdir").path,
                                           withDestinationPath: site.root.path)
        try fileManager.createSymbolicLink(atPath: site.output.appendingPathComponent("inside.txt").path,
                                           withDestinationPath: "files/note.txt")
        let absolute = site.root.appendingPathComponent("secret.txt").path

        // The same list seeds the request fuzzer (scripts/fuzz-serve), one target per line.
        let listed = try String(contentsOf: ServedSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/serve/traversal-targets.txt"),
                                encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(listed.count, 30)
        let vectors = listed + [absolute, "/" + absolute]
        for vector in vectors {
            let response = try site.http.get(vector)
            XCTAssertTrue([400, 404].contains(response.status), "\(vector) -> \(response.status)")
            XCTAssertFalse(response.text.contains(secret), "\(vector) leaked the secret")
            XCTAssertFalse(response.text.contains("root:x:0"), "\(vector) leaked /etc/passwd")
        }
        // The preview serves the build's manifest: a link made in the output folder by hand is no
        // file of the site, even when it leads to one.
        XCTAssertEqual(try site.http.get("/inside.txt").status, 404)
        XCTAssertEqual(try site.http.get("/files/note.txt").text, try site.read("static/files/note.txt"))
        XCTAssertEqual(try site.http.get("/en/").status, 200, "the server is still fine after all that")
    }
}
