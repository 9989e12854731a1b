@testable import DuetBuild
import DuetRender
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The twin folder's parts on their own: the survey finds every entry of a tree as the file system
/// has it, and mirroring and arranging leave exactly the wanted files, whatever was in the way.
final class TwinFolderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ relative: String, _ text: String = "x", in folder: String) throws {
        let url = root.appendingPathComponent(folder).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Relative path -> inode of every file, and the folders, as `FileManager` lists them.
    private func listing(_ folder: String) throws -> (files: [String: UInt64], folders: Set<String>) {
        let base = root.appendingPathComponent(folder).path
        var files: [String: UInt64] = [:], folders: Set<String> = []
        for case let relative as String in FileManager.default.enumerator(atPath: base)! {
            var isFolder: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                folders.insert(relative)
            } else {
                files[relative] = inode(path)
            }
        }
        return (files, folders)
    }

    /// Every path is found again, with its own entry, however long or alike; no other path is.
    func testThePathTableFindsEveryPathAndNoOther() {
        var table = PathTable()
        var paths: [String] = []
        for index in 0..<5_000 {
            let path = index % 3 == 0 ? String(index) : "en/\(String(repeating: "x", count: index % 40))/\(index)"
            paths.append(path)
            let prefix = Array(path.utf8.prefix(index % 7)), name = Array(path.utf8.dropFirst(index % 7))
            prefix.withUnsafeBufferPointer { prefix in
                name.withUnsafeBufferPointer { name in
                    XCTAssertEqual(table.append(prefix: prefix, name: name, inode: UInt64(index), isFolder: index % 5 == 0), index)
                }
            }
        }
        for (index, path) in paths.enumerated() {
            XCTAssertEqual(table.index(of: path), index, path)
            XCTAssertEqual(table.path(at: index), path)
            XCTAssertEqual(table.entries[index].inode, UInt64(index))
            XCTAssertNil(table.index(of: path + "y"))
            XCTAssertNil(table.index(of: "y" + path))
        }
        XCTAssertNil(table.index(of: ""))
    }

    func testTheSurveyFindsEveryFileAndFolderWithItsInode() throws {
        let names = ["index.html", "en/index.html", "en/a-rather-long-article-slug-that-goes-on/index.html",
                     "zh/双声/索引.html", "en/deep/er/and/deeper/file.txt", ".hidden", "en/.well-known/x"]
        for name in names { try write(name, in: "tree") }
        for index in 0..<300 { try write("en/many/\(index)/index.html", in: "tree") }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tree/empty/inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("tree/en/link").path, withDestinationPath: "deep")
        let survey = try XCTUnwrap(FolderSurvey.of(root.appendingPathComponent("tree").path))
        let expected = try listing("tree")
        XCTAssertEqual(survey.fileCount, expected.files.count)
        XCTAssertEqual(survey.folderCount, expected.folders.count)
        for (path, inode) in expected.files { XCTAssertEqual(survey.inode(ofFile: path), inode, path) }
        for folder in expected.folders {
            XCTAssertTrue(survey.hasFolder(Substring(folder)), folder)
            XCTAssertNil(survey.inode(ofFile: folder), folder)
        }
        XCTAssertNotNil(survey.inode(ofFile: "en/link"), "a link to a folder is not a folder to walk into")
        XCTAssertNil(survey.inode(ofFile: "en/index"))
        XCTAssertNil(survey.inode(ofFile: "en/index.html/"))
        XCTAssertFalse(survey.hasFolder("en/many/300"))
        var listed: Set<String> = []
        for index in 0..<survey.table.count { listed.insert(survey.table.path(at: index)) }
        XCTAssertEqual(listed, Set(expected.files.keys).union(expected.folders))
        for index in 0..<survey.table.count {
            let path = survey.table.path(at: index)
            if let slash = path.lastIndex(of: "/") {
                let parent = survey.table.index(of: String(path[..<slash]))
                XCTAssertLessThan(try XCTUnwrap(parent), index, "a folder comes before what is in it")
            }
        }
        XCTAssertNil(FolderSurvey.of(root.appendingPathComponent("tree/index.html").path))
        XCTAssertNil(FolderSurvey.of(root.appendingPathComponent("missing").path))
    }

    /// Whatever the old twin held (stale files, a file where a folder goes and the other way
    /// round, files and folders added by hand), the mirror is the source's very files.
    func testTheMirrorHoldsTheSourcesVeryFiles() throws {
        for name in ["index.html", "en/a/index.html", "en/b/index.html", "zh/c/index.html", "feed.xml", "en/d/index.html"] {
            try write(name, name, in: "site")
        }
        let site = root.appendingPathComponent("site").path, twin = root.appendingPathComponent("twin").path
        let live = try XCTUnwrap(FolderSurvey.of(site))
        XCTAssertTrue(TwinFolder.mirror(live, of: site, into: twin, over: nil, stop: { false }))
        XCTAssertEqual(try listing("twin").files, try listing("site").files)
        XCTAssertEqual(try listing("twin").folders, try listing("site").folders)

        // The site changes under a twin that keeps its old state, and grows things of its own.
        try FileManager.default.removeItem(atPath: site + "/en/a/index.html")
        try write("en/a/index.html", "new", in: "site")
        try FileManager.default.removeItem(atPath: site + "/zh")
        try write("zh", "now a file", in: "site")
        try FileManager.default.removeItem(atPath: site + "/feed.xml")
        try write("feed.xml/index.xml", "now a folder", in: "site")
        try write("en/e/f/index.html", in: "site")
        try write("by-hand/notes.txt", in: "twin")
        try write("en/b/extra.txt", in: "twin")
        try FileManager.default.createDirectory(atPath: twin + "/empty/inner", withIntermediateDirectories: true)
        let old = try XCTUnwrap(FolderSurvey.of(twin))
        let unchanged = inode(twin + "/en/b/index.html")
        XCTAssertTrue(TwinFolder.mirror(try XCTUnwrap(FolderSurvey.of(site)), of: site, into: twin, over: old, stop: { false }))
        XCTAssertEqual(try listing("twin").files, try listing("site").files)
        XCTAssertEqual(try listing("twin").folders, try listing("site").folders)
        XCTAssertEqual(inode(twin + "/en/b/index.html"), unchanged)

        // A survey that no longer tells the truth costs a retry, never a wrong file.
        try FileManager.default.removeItem(atPath: site + "/en/d/index.html")
        try write("en/d/index.html", "newer", in: "site")
        let stale = try XCTUnwrap(FolderSurvey.of(twin))
        try FileManager.default.removeItem(atPath: twin + "/en/d")
        XCTAssertTrue(TwinFolder.mirror(try XCTUnwrap(FolderSurvey.of(site)), of: site, into: twin, over: stale, stop: { false }))
        XCTAssertEqual(try listing("twin").files, try listing("site").files)
    }

    func testAStoppedMirrorSaysSo() throws {
        for index in 0..<50 { try write("en/\(index)/index.html", in: "site") }
        let site = root.appendingPathComponent("site").path
        XCTAssertFalse(TwinFolder.mirror(try XCTUnwrap(FolderSurvey.of(site)), of: site, into: root.appendingPathComponent("twin").path,
                                         over: nil, stop: { true }))
    }

    /// Arranging leaves exactly the entries: kept ones untouched, rendered ones new files (never
    /// written through a link to the source), extras and emptied folders gone.
    func testArrangingLeavesExactlyTheEntries() throws {
        for name in ["index.html", "en/a/index.html", "en/b/index.html", "en/gone/index.html", "zh/c/index.html"] {
            try write(name, name, in: "site")
        }
        let site = root.appendingPathComponent("site").path, twin = root.appendingPathComponent("twin").path
        let live = try XCTUnwrap(FolderSurvey.of(site))
        XCTAssertTrue(TwinFolder.mirror(live, of: site, into: twin, over: nil, stop: { false }))
        try write("by-hand.txt", in: "twin")
        let survey = try XCTUnwrap(FolderSurvey.of(twin))
        let kept = inode(site + "/en/b/index.html")
        try TwinFolder.arrange(twin, survey: survey, entries: [
            .link("index.html"), .link("en/b/index.html"), .link("zh/c/index.html"),
            .rendered(OutputFile(path: "en/a/index.html", contents: "rendered")),
            .rendered(OutputFile(path: "en/new/deep/index.html", contents: "new")),
        ], source: site, keepingPresent: true)
        let files = try listing("twin").files
        XCTAssertEqual(Set(files.keys), ["index.html", "en/b/index.html", "zh/c/index.html", "en/a/index.html", "en/new/deep/index.html"])
        XCTAssertEqual(try listing("twin").folders, ["en", "en/a", "en/b", "en/new", "en/new/deep", "zh", "zh/c"])
        XCTAssertEqual(files["en/b/index.html"], kept)
        XCTAssertEqual(try String(contentsOfFile: twin + "/en/a/index.html", encoding: .utf8), "rendered")
        XCTAssertEqual(try String(contentsOfFile: site + "/en/a/index.html", encoding: .utf8), "en/a/index.html",
                       "the source's file, linked into the twin before, is not written through")

        // The same with a survey that is out of date: a folder now where a file goes, a file made since.
        let old = try XCTUnwrap(FolderSurvey.of(twin))
        try FileManager.default.removeItem(atPath: twin + "/index.html")
        try write("index.html/inner.txt", in: "twin")
        try write("en/late.html", in: "twin")
        try TwinFolder.arrange(twin, survey: old, entries: [
            .rendered(OutputFile(path: "index.html", contents: "home")), .link("en/b/index.html"),
            .rendered(OutputFile(path: "en/late.html", contents: "late")),
        ], source: site)
        XCTAssertEqual(Set(try listing("twin").files.keys), ["index.html", "en/b/index.html", "en/late.html"])
        XCTAssertEqual(try String(contentsOfFile: twin + "/index.html", encoding: .utf8), "home")
        XCTAssertEqual(try String(contentsOfFile: twin + "/en/late.html", encoding: .utf8), "late")

        XCTAssertThrowsError(try TwinFolder.arrange(twin, survey: nil, entries: [.rendered(OutputFile(path: "../out.html", contents: "x"))],
                                                    source: site))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out.html").path))
    }
}
