import DuetBuild
import Foundation
import XCTest

/// An incremental build (the cache in `.duet-cache/`) must leave exactly the bytes a full build
/// writes, after every kind of change an author or editor makes, while rendering only what the
/// change touched.
final class IncrementalBuildTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("content") }
    private var theme: URL { root.appendingPathComponent("theme") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func options(output: String, cached: Bool) -> BuildOptions {
        BuildOptions(source: content.path, theme: theme.path, output: root.appendingPathComponent(output).path,
                     now: Date(timeIntervalSince1970: 1_767_225_600),
                     cacheDirectory: cached ? root.appendingPathComponent(".duet-cache").path : nil)
    }

    /// Builds incrementally into `_site` and from scratch into a fresh `_full`, and compares them.
    @discardableResult
    private func buildAndCompare(_ step: String, file: StaticString = #filePath, line: UInt = #line) throws -> BuildReport {
        let report = Builder(options: options(output: "_site", cached: true)).build()
        XCTAssertTrue(report.succeeded, "\(step): \(report.diagnostics)", file: file, line: line)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("_full"))
        let full = Builder(options: options(output: "_full", cached: false)).build()
        XCTAssertTrue(full.succeeded, "\(step): \(full.diagnostics)", file: file, line: line)
        let incremental = snapshot("_site"), fresh = snapshot("_full")
        XCTAssertEqual(incremental.keys.sorted(), fresh.keys.sorted(), "\(step): different files", file: file, line: line)
        for (path, data) in fresh where incremental[path] != data {
            XCTFail("\(step): \(path) differs from a full build", file: file, line: line)
        }
        return report
    }

    private func snapshot(_ folder: String) -> [String: Data] { SiteFixture.snapshot(of: root.appendingPathComponent(folder)) }

    private func edit(_ path: String, in folder: URL? = nil, _ change: (String) -> String) throws {
        let url = (folder ?? content).appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(text, changed, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: false, encoding: .utf8)
    }

    private let post = "posts/en/2025-01-21-designing-the-small-table.md"
    private let twin = "posts/zh/2025-01-21-designing-the-small-table.md"

    func testEveryKindOfChangeGivesTheBytesOfAFullBuild() throws {
        let first = try buildAndCompare("first build")
        XCTAssertNil(first.renderedPages, "the first build has no cache and builds everything")

        let noop = try buildAndCompare("nothing changed")
        XCTAssertEqual(noop.renderedPages, 0)

        try edit(post) { $0 + "\nA closing sentence added after the first build.\n" }
        let body = try buildAndCompare("a body edit")
        let touched = try XCTUnwrap(body.renderedPages)
        XCTAssertEqual(touched, 3, "a body edit that leaves title, excerpt and reading time alone renders the article and the "
                       + "two parallel views that show it (and the feed and EPUB), nothing that only lists it")

        try edit(twin) { $0.replacing(/title\s*:[^\n]*/, with: "title: 设计一张更小的桌子") }
        let retitled = try buildAndCompare("a title edit in Chinese")
        XCTAssertGreaterThan(retitled.renderedPages ?? 0, 3, "a new title shows on the issue, author and home pages too")
        try edit(post) { $0.replacing("date  : 2025-01-21 09:30:00 +0800", with: "date  : 2025-01-22 10:00:00 +0800") }
        try buildAndCompare("a date change")
        try edit(post) { $0.replacing("author: Elena Marchbank, Tang Ruoxi and Tobias Wren", with: "author: Elena Marchbank") }
        try buildAndCompare("an author removed from a byline")
        try edit(post) { $0.replacing("corrections:\n", with: "updated: 2025-05-02\ncorrections:\n  - date: 2025-04-30\n    note: A second fix.\n") }
        try buildAndCompare("an updated: date and a correction on the original (its translation is now behind)")
        try edit(twin) { $0.replacing("corrections:\n", with: "updated: 2025-05-09\ncorrections:\n") }
        try buildAndCompare("the translation revised after its original")

        try "---\ntitle: A Note Added Later\ndate: 2025-02-02 08:00:00 +0800\nauthor: Tobias Wren\nsection: Essays\n---\n\nA short note that arrives after the issue was built.\n"
            .write(to: content.appendingPathComponent("posts/en/2025-02-02-a-note-added-later.md"), atomically: false, encoding: .utf8)
        try buildAndCompare("a new post")
        try FileManager.default.moveItem(at: content.appendingPathComponent("posts/en/2025-02-02-a-note-added-later.md"),
                                         to: content.appendingPathComponent("posts/en/2025-02-03-a-note-renamed.md"))
        try buildAndCompare("a renamed post")
        try FileManager.default.removeItem(at: content.appendingPathComponent("posts/en/2025-02-03-a-note-renamed.md"))
        try buildAndCompare("a deleted post")
        try edit("posts/zh/2025-09-23-county-level-exchanges.md") { $0.replacing("---\n", with: "---\ndraft: true\n", maxReplacements: 1) }
        try buildAndCompare("a post turned into a draft")

        try edit("issues/2025-q1.yml") { $0 + "\n# an editor's comment\n" }
        try buildAndCompare("an issue file edit (a comment only)")
        try edit("authors/tobias-wren.yml") { $0.replacing("  en: Tobias Wren", with: "  en: Tobias J. Wren") }
        try buildAndCompare("an author renamed in the registry")
        try edit("layouts/post.mustache", in: theme) { $0.replacing("</article>", with: "</article>\n<!-- layout edited -->") }
        let template = try buildAndCompare("a layout edit")
        // Pages record the layout they render with: only the articles' pages use `post`.
        XCTAssertEqual(template.renderedPages, 20, "the article pages, and nothing else")
        try edit("i18n/zh.yml", in: theme) { $0 + "\nunused_key: 无用\n" }
        try buildAndCompare("an i18n edit")
        try edit("static/css/duet.css", in: theme) { $0 + "\n.added-rule { color: inherit; }\n" }
        try buildAndCompare("a stylesheet edit (new fingerprint)")
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: content.appendingPathComponent("static/images/added.svg"))
        try buildAndCompare("a static file added")
        try FileManager.default.removeItem(at: content.appendingPathComponent("static/images/added.svg"))
        try buildAndCompare("a static file removed")
        try edit("site.yml") { $0 + "\n# a comment in the site settings\n" }
        try buildAndCompare("a site.yml edit")

        try FileManager.default.removeItem(at: root.appendingPathComponent("_site/en/index.html"))
        let repaired = try buildAndCompare("a page deleted by hand from the output")
        XCTAssertEqual(repaired.renderedPages, 1)
    }

    func testACorruptCacheIsIgnored() throws {
        try buildAndCompare("first build")
        let cacheFolder = root.appendingPathComponent(".duet-cache")
        let cacheFile = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).first { $0.hasSuffix(".cache") })
        let url = cacheFolder.appendingPathComponent(cacheFile)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: url)
        try edit(post) { $0 + "\nEdited while the cache was damaged.\n" }
        let report = try buildAndCompare("after corrupting the cache")
        XCTAssertNil(report.renderedPages, "a damaged cache is not trusted: the build is a full one")
        try Data("not a cache".utf8).write(to: url)
        XCTAssertNil(try buildAndCompare("a foreign file in place of the cache").renderedPages)
    }

    /// The bodies of the parses live beside the cache, one file each, and are read only when a
    /// render reads them: one damaged, cut short or removed is found then, after the build chose
    /// what to render. Nothing it rendered may be written: the build runs again with every
    /// document parsed afresh, its output is a full build's, and its save mends the store.
    func testADamagedStoredBodyIsFoundWhenReadAndNeverReachesTheOutput() throws {
        try buildAndCompare("first build")
        let store = try parseStore()
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 20, "one stored body per document")
        // Bodies the edit's renders read: the twin's (the parallel pages), the issue's other
        // article (the issue's EPUB), and the newest article (the feed).
        let flipped = try storedBody(containing: "中美专家之间的非官方对话", in: store)
        let cut = try storedBody(containing: "Why Channels Go Quiet", in: store)
        let removed = try storedBody(containing: "Sorting the Disputes", in: store)
        let originals = try [flipped, cut, removed].map { try Data(contentsOf: $0) }
        var bytes = originals[0]
        bytes[bytes.count - 40] ^= 0x20
        try bytes.write(to: flipped)
        try originals[1].prefix(originals[1].count / 2).write(to: cut)
        try FileManager.default.removeItem(at: removed)
        try Data("left by someone else".utf8).write(to: store.appendingPathComponent("stray"))

        try edit(post) { $0 + "\nEdited while the parse store was damaged.\n" }
        let report = try buildAndCompare("after damaging the stored bodies")
        XCTAssertEqual(count("builds again after a damaged stored body", in: report), 1)
        XCTAssertNotNil(report.renderedPages, "the cache file itself is sound: the build stays incremental")
        XCTAssertEqual(try Data(contentsOf: flipped), originals[0], "the damaged body is written again")
        XCTAssertEqual(try Data(contentsOf: cut), originals[1], "the body cut short is written again, whole")
        XCTAssertEqual(try Data(contentsOf: removed), originals[2], "the removed body is written again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.appendingPathComponent("stray").path), "a stray file is swept")
        let after = try FileManager.default.contentsOfDirectory(atPath: store.path)
        XCTAssertEqual(after.count, names.count, "the edited post's old body is replaced by its new one")

        try edit(post) { $0 + "\nEdited once the store was mended.\n" }
        let mended = try buildAndCompare("the next edit")
        XCTAssertNil(count("builds again after a damaged stored body", in: mended), "the store was mended")
        XCTAssertNotNil(mended.renderedPages)
    }

    /// An edit renders a few outputs, and only they read bodies: the others stay in the store.
    /// Twenty-five older notes join the site, too old for the feeds, fifteen in the first
    /// quarter's issue and ten in the second's.
    func testAnEditReadsOnlyTheBodiesItsRendersShow() throws {
        for day in 1...25 {
            let date = String(format: "2024-%02d-%02d", (day - 1) / 5 + 1, day)
            let text = "---\ntitle: An Older Note \(day)\nauthor: Tobias Wren\ndate: \(date) 09:00:00 +0800\n---\n\n"
                + "A note from the archive, number \(day), with a [link](https://example.org/\(day)).\n"
            try text.write(to: content.appendingPathComponent("posts/en/\(date)-an-older-note-\(day).md"), atomically: false, encoding: .utf8)
        }
        let first = try buildAndCompare("first build")
        XCTAssertNil(count("stored bodies read", in: first), "a full build has no stored bodies")
        try edit("pages/en/about.md") { $0 + "\nA sentence more about us.\n" }
        XCTAssertEqual(count("stored bodies read", in: try buildAndCompare("a page edit")), 0,
                       "a page's renders show no other document's body")
        try edit("posts/en/2024-01-01-an-older-note-1.md") { $0 + "\nA sentence more.\n" }
        let old = try buildAndCompare("an edit of a note no feed shows")
        XCTAssertNotNil(old.renderedPages)
        XCTAssertEqual(count("stored bodies read", in: old), 14,
                       "the other notes of its issue, which the issue's EPUB shows; its page and the listings show no other body")
        try edit(post) { $0 + "\nOne more sentence.\n" }
        let recent = try buildAndCompare("an edit of an article the feeds show")
        let read = try XCTUnwrap(count("stored bodies read", in: recent))
        // The feeds show bodies (20 a language, 40 in the combined one), the parallel pages the
        // twin's, the issue's EPUB the other article's: the six oldest notes are in none of them.
        let documents = try XCTUnwrap(count("source documents", in: recent))
        XCTAssertGreaterThan(read, 0)
        XCTAssertLessThanOrEqual(read, documents - 6, "\(read) of \(documents) bodies read")
    }

    /// A damaged body no render reads is not found, and costs nothing; the build that reads it
    /// finds it (above). Here: the edit's EPUB reads the other article of its issue.
    func testADamagedBodyReadOnlyByTheEditedArticlesEpubIsFound() throws {
        try buildAndCompare("first build")
        let store = try parseStore()
        let other = try storedBody(containing: "Why Channels Go Quiet", in: store)
        let original = try Data(contentsOf: other)
        var bytes = original
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: other)
        try edit(post) { $0 + "\nA sentence for the EPUB.\n" }
        let report = try buildAndCompare("an edit whose EPUB reads the damaged body")
        XCTAssertEqual(count("builds again after a damaged stored body", in: report), 1)
        XCTAssertEqual(try Data(contentsOf: other), original, "the store is mended")
    }

    private func count(_ label: String, in report: BuildReport) -> Int? {
        report.counts.first { $0.label == label }?.count
    }

    private func parseStore() throws -> URL {
        let cacheFolder = root.appendingPathComponent(".duet-cache")
        let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).first { $0.hasSuffix(".parses") })
        return cacheFolder.appendingPathComponent(name)
    }

    /// The one stored body holding `text`.
    private func storedBody(containing text: String, in store: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path)
        let holding = try names.filter { try Data(contentsOf: store.appendingPathComponent($0)).range(of: Data(text.utf8)) != nil }
        XCTAssertEqual(holding.count, 1, "one body holds \(text)")
        return store.appendingPathComponent(try XCTUnwrap(holding.first))
    }

    func testUnchangedPagesKeepTheirModificationTime() throws {
        try buildAndCompare("first build")
        let about = root.appendingPathComponent("_site/en/about/index.html").path
        let article = root.appendingPathComponent("_site/en/issues/2025-q1/designing-the-small-table/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: about)[.modificationDate] as? Date
        let articleBefore = try Data(contentsOf: URL(fileURLWithPath: article))
        Thread.sleep(forTimeInterval: 0.05)
        try edit(post) { $0 + "\nOne more sentence.\n" }
        try buildAndCompare("a body edit")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: about)[.modificationDate] as? Date, before)
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: article)), articleBefore)
    }

    /// A build with the cache takes its list of sources from the walk that stamps every input;
    /// it must list what a build without the cache lists: no hidden file, no editor's backup, no
    /// folder reached through a link below the top, and every file added since.
    func testTheCachedScanListsWhatAFreshScanLists() throws {
        try buildAndCompare("first build")
        let posts = content.appendingPathComponent("posts/en"), files = FileManager.default
        let note = "---\ntitle: A Note Added Later\ndate: 2025-02-03 09:00:00 +0800\n---\n\nA short note.\n"
        try note.write(to: posts.appendingPathComponent("2025-02-03-a-note-added-later.md"), atomically: true, encoding: .utf8)
        try note.write(to: posts.appendingPathComponent(".2025-02-04-hidden-note.md"), atomically: true, encoding: .utf8)
        let elsewhere = root.appendingPathComponent("content/linked-notes")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try note.write(to: elsewhere.appendingPathComponent("2025-02-05-linked-note.md"), atomically: true, encoding: .utf8)
        try files.createSymbolicLink(at: posts.appendingPathComponent("linked"), withDestinationURL: elsewhere)
        let assets = content.appendingPathComponent("static")
        for name in ["kept-by-hand.txt", "kept-by-hand.txt~", ".hidden.txt", "#open.txt#", "open.txt.swp"] {
            try Data("\(name)\n".utf8).write(to: assets.appendingPathComponent(name))
        }
        try buildAndCompare("sources added, hidden and linked")
        let site = snapshot("_site")
        XCTAssertNotNil(site["/kept-by-hand.txt"])
        XCTAssertEqual(site.keys.filter { $0.contains("hidden") || $0.contains("open.txt") || $0.hasSuffix("~") }, [])
        XCTAssertEqual(site.keys.filter { $0.contains("a-note-added-later/index.html") }.count, 1, "the added post")
        XCTAssertEqual(site.keys.filter { $0.contains("linked-note") }, [], "a post behind a link below posts/")
    }

    /// The command line writes an edit into the twin folder in the cache and swaps it in: a file
    /// put into `_site` by hand is gone after the next build, and the old site it was in (now
    /// the twin) must not bring it back in the build after that.
    func testAFileAddedToTheOutputByHandIsGoneAndStaysGone() throws {
        try buildAndCompare("first build")
        try Data("left here by hand\n".utf8).write(to: root.appendingPathComponent("_site/en/notes-by-hand.txt"))
        try edit(post) { $0 + "\nA first sentence more.\n" }
        XCTAssertNotNil(try buildAndCompare("the build after the file was added").renderedPages)
        try edit(post) { $0 + "\nA second sentence more.\n" }
        XCTAssertNotNil(try buildAndCompare("the build after that").renderedPages)
    }

    /// A build killed while it arranged the twin leaves some of its files changed and no state
    /// file; a twin can also be deleted. Either way the next build is still byte for byte a full one.
    func testAHalfMadeOrMissingTwinStillGivesTheBytesOfAFullBuild() throws {
        try buildAndCompare("first build")
        try edit(post) { $0 + "\nThe first edit, which makes the twin.\n" }
        try buildAndCompare("the first edit")
        let cache = root.appendingPathComponent(".duet-cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        let twin = cache.appendingPathComponent(try XCTUnwrap(names.first { $0.hasSuffix(".twin") }, "no twin in \(names)"))
        let page = twin.appendingPathComponent("en/about/index.html")
        try FileManager.default.removeItem(at: page)
        try Data("half written".utf8).write(to: page)
        try FileManager.default.removeItem(at: twin.appendingPathComponent("en/index.html"))
        try FileManager.default.removeItem(atPath: twin.path + ".state")
        try edit(post) { $0 + "\nEdited after a killed build.\n" }
        XCTAssertNotNil(try buildAndCompare("after a half-made twin").renderedPages)
        try FileManager.default.removeItem(at: twin)
        try edit(post) { $0 + "\nEdited without a twin.\n" }
        XCTAssertNotNil(try buildAndCompare("without a twin").renderedPages)
    }

    /// A full build leaves the twin holding the new site's very files (one inode per file, two
    /// names), so the first edit after it writes what changed instead of linking the whole site.
    /// A full build over a twin of an older site (here: `_site` removed by hand) makes it afresh.
    func testAFullBuildLeavesTheTwinHoldingItsVeryFiles() throws {
        func checkTwin(_ step: String) throws {
            let cache = root.appendingPathComponent(".duet-cache")
            let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            let twin = cache.appendingPathComponent(try XCTUnwrap(names.first { $0.hasSuffix(".twin") }, "\(step): no twin in \(names)"))
            let site = root.appendingPathComponent("_site")
            let files = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { path in
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
            }
            let twinFiles = try FileManager.default.subpathsOfDirectory(atPath: twin.path).filter { path in
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: twin.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
            }
            XCTAssertEqual(twinFiles.sorted(), files.sorted(), "\(step): the twin holds the site's files and no other")
            for path in files {
                let live = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)[.systemFileNumber] as? Int
                let linked = try FileManager.default.attributesOfItem(atPath: twin.appendingPathComponent(path).path)[.systemFileNumber] as? Int
                XCTAssertEqual(live, linked, "\(step): \(path) is not the site's very file")
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: twin.path + ".state"), "\(step): the twin is not marked as in sync")
        }
        XCTAssertNil(try buildAndCompare("first build").renderedPages)
        try checkTwin("after the first build")
        try edit(post) { $0 + "\nThe first edit after a full build.\n" }
        XCTAssertNotNil(try buildAndCompare("the first edit").renderedPages)
        try checkTwin("after the first edit")
        try FileManager.default.removeItem(at: root.appendingPathComponent("_site"))
        try edit(twin) { $0 + "\nA sentence more in Chinese.\n" }
        XCTAssertNil(try buildAndCompare("a full build over an old twin").renderedPages)
        try checkTwin("after the second full build")
        try edit(post) { $0 + "\nAn edit after that.\n" }
        XCTAssertNotNil(try buildAndCompare("an edit after the second full build").renderedPages)
    }

    /// Sets every file under `folder` back an hour: the up-to-date shortcut, like git, never
    /// trusts a file modified within two seconds of the stamping.
    private func backdate(_ folder: URL) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }

    func testAnUntouchedSiteIsUpToDateAndAnyChangeEndsThat() throws {
        try backdate(content)
        try backdate(theme)
        let first = try buildAndCompare("first build")
        let noop = try buildAndCompare("nothing touched")
        XCTAssertTrue(noop.phases.contains { $0.name == "up to date" }, "\(noop.phases)")
        XCTAssertEqual(noop.renderedPages, 0)
        XCTAssertEqual(noop.pageCount, first.pageCount)
        XCTAssertEqual(noop.diagnostics, first.diagnostics)

        // An output removed by hand is made again.
        let page = root.appendingPathComponent("_site/en/issues/2025-q1/index.html")
        try FileManager.default.removeItem(at: page)
        let restored = try buildAndCompare("an output removed")
        XCTAssertFalse(restored.phases.contains { $0.name == "up to date" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: page.path))
        XCTAssertTrue(try buildAndCompare("untouched again").phases.contains { $0.name == "up to date" })

        // A changed input, even with an old modification time, is seen by its size and stamp.
        try edit(post) { $0 + "\nOne more sentence.\n" }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: content.appendingPathComponent(post).path)
        let edited = try buildAndCompare("a body edit, back-dated")
        XCTAssertFalse(edited.phases.contains { $0.name == "up to date" })
        XCTAssertEqual(edited.renderedPages, 3)

        // A file saved just now is never trusted, whatever its stamp says.
        try edit(twin) { $0 + "\n又补了一句。\n" }
        XCTAssertFalse(try buildAndCompare("a fresh save").phases.contains { $0.name == "up to date" })
        XCTAssertFalse(try buildAndCompare("still within two seconds").phases.contains { $0.name == "up to date" })
    }

    func testTheShortcutEndsWhenAScheduledPostFallsDue() throws {
        try """
            ---
            title: A Scheduled Note
            date: 2026-01-03 08:00:00 +0800
            author: Tobias Wren
            section: Essays
            ---

            Due on the third of January.
            """.write(to: content.appendingPathComponent("posts/en/2026-01-03-a-scheduled-note.md"), atomically: true, encoding: .utf8)
        try backdate(content)
        try backdate(theme)
        let cache = root.appendingPathComponent(".duet-cache").path
        func build(at moment: TimeInterval) -> BuildReport {
            Builder(options: BuildOptions(source: content.path, theme: theme.path, output: root.appendingPathComponent("_site").path,
                                          now: Date(timeIntervalSince1970: moment), cacheDirectory: cache)).build()
        }
        XCTAssertTrue(build(at: 1_767_225_600).succeeded)
        let early = build(at: 1_767_225_600 + 3600)
        XCTAssertTrue(early.phases.contains { $0.name == "up to date" }, "an hour later nothing is due yet")
        let due = build(at: 1_767_398_400)
        XCTAssertFalse(due.phases.contains { $0.name == "up to date" })
        let published = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("_site").path)
        XCTAssertTrue(published.contains { $0.hasSuffix("a-scheduled-note/index.html") }, "the post is published once due")
        let before = build(at: 1_767_225_600)
        XCTAssertFalse(before.phases.contains { $0.name == "up to date" }, "a clock set back unpublishes it again")
    }
}

/// A preview shows drafts and future posts, and says so on their pages and in listings, so an
/// author never mistakes a preview for what readers will see.
final class PreviewMarkingTests: XCTestCase {
    func testDraftsAndFuturePostsAreMarkedWhenShown() throws {
        let site = try SiteFixture(files: [
            "posts/en/2025-03-01-a-draft.md": "---\ntitle: Work in Progress\ndraft: true\n---\n\nNot finished.\n",
            "posts/en/2027-01-01-ahead.md": "---\ntitle: Ahead of Its Time\n---\n\nDated next year.\n",
            "posts/en/2025-02-01-ready.md": "---\ntitle: Ready\n---\n\nPublished.\n",
        ])
        defer { site.remove() }
        let preview = site.build(drafts: true, future: true)
        XCTAssertTrue(preview.succeeded, "\(preview.diagnostics)")
        let draft = try site.page("en/2025/a-draft/index.html")
        XCTAssertTrue(draft.contains("class=\"preview-note\" role=\"note\">Draft: not published yet"), draft)
        XCTAssertTrue(try site.page("en/2027/ahead/index.html").contains("Scheduled: dated in the future"))
        XCTAssertFalse(try site.page("en/2025/ready/index.html").contains("preview-note"))
        XCTAssertTrue(try site.page("en/issues/2025-q1/index.html").contains("<p class=\"preview-note\">Draft: not published yet"))

        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(site.exists("en/2025/a-draft/index.html"))
        XCTAssertFalse(try site.page("en/issues/2025-q1/index.html").contains("preview-note"))
    }
}
