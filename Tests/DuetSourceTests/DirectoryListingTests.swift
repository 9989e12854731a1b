import DuetSource
import Foundation
import XCTest

/// The content folder's files are listed in `String` order: the order decides which of two files
/// claiming one URL is reported first, and the digests.
final class DirectoryListingTests: XCTestCase {
    func testTheListingOfAFolderIsSorted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b/2.md", "b/10.md", "a.md", "B.md", "a/z.md", ".hidden.md", "a/backup.md~"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        XCTAssertEqual(DirectoryListing.files(under: root), ["B.md", "a.md", "a/z.md", "b/10.md", "b/2.md"])
    }
}
