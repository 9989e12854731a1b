import DuetSource
import Foundation
import XCTest

/// The content folder's files are listed in `String` order, whatever shortcut sorts them: the
/// order decides which of two files claiming one URL is reported first, and the digests.
final class DirectoryListingTests: XCTestCase {
    func testPathsComeInStringOrderWithOrWithoutNonASCIINames() throws {
        let ascii = ["posts/en/2025-01-21-b.md", "posts/en/2025-01-21-a.md", "posts/zh/2025-01-21-a.md", "authors.yml",
                     "posts/en/2025-01-2.md", "Posts/en/x.md", "posts/en/2025-01-21-a.md.bak", "issues/2025-q1.yml"]
        XCTAssertEqual(DirectoryListing.sortedPaths(ascii), ascii.sorted())
        // Decomposed "é" (as macOS writes names) sorts by its canonical form, not by its bytes.
        let unicode = ascii + ["posts/zh/2025-01-21-中美.md", "posts/en/cafe\u{301}.md", "posts/en/caf\u{E9}s.md", "posts/en/cafez.md"]
        XCTAssertEqual(DirectoryListing.sortedPaths(unicode), unicode.sorted())
    }

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
