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

        let vectors = [
            "/../secret.txt", "/../../../../../../etc/passwd", "/files/../../secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
            "/..%2fsecret.txt", "/..%2Fsecret.txt", "/files/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..%5csecret.txt", "/files%5c..%5c..%5csecret.txt", "/..\\secret.txt", "/files\\..\\..\\secret.txt",
            "/secret.txt%00", "/%00/../secret.txt", "/files/note.txt%00.html", "/..%00/secret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
            "/%c0%2e%c0%2e/secret.txt", "/%252e%252e/secret.txt", "/%25%32%65%25%32%65/secret.txt",
            "//secret.txt", "/%2f..%2fsecret.txt", "/%2fetc%2fpasswd", "/etc/passwd", absolute, "/" + absolute,
            "http://127.0.0.1/../secret.txt", "*", "secret.txt",
            "/leak.txt", "/leakdir/secret.txt", "/leakdir/", "/leakdir", "/./../secret.txt", "/..;/secret.txt",
            "/" + String(repeating: "..%2f", count: 12) + "etc/passwd",
        ]
        for vector in vectors {
            let response = try site.http.get(vector)
            XCTAssertTrue([400, 404].contains(response.status), "\(vector) -> \(response.status)")
            XCTAssertFalse(response.text.contains(secret), "\(vector) leaked the secret")
            XCTAssertFalse(response.text.contains("root:x:0"), "\(vector) leaked /etc/passwd")
        }
        let inside = try site.http.get("/inside.txt")
        XCTAssertEqual(inside.status, 200, "a symlink that stays inside the site is fine")
        XCTAssertEqual(inside.text, try site.read("static/files/note.txt"))
        XCTAssertEqual(try site.http.get("/en/").status, 200, "the server is still fine after all that")
    }
}
