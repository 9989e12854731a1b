import DuetServer
import Foundation
import XCTest

/// The real server on a free port: what a browser gets for pages, assets, folders and misses.
final class PreviewServerTests: XCTestCase {
    func testPagesAndAssetsHaveTypesWithCharsetAndNoCache() throws {
        let site = try servedSite()
        let home = try site.http.get("/en/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home["Content-Type"], "text/html; charset=utf-8")
        XCTAssertEqual(home["Cache-Control"], "no-cache")
        XCTAssertNotNil(home["ETag"])
        XCTAssertNotNil(home["Last-Modified"])

        let stylesheet = try XCTUnwrap(home.text.firstMatch(of: /href="(\/css\/[^"]+\.css)"/)?.1)
        let css = try site.http.get(String(stylesheet))
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css["Content-Type"], "text/css; charset=utf-8")

        let feed = try site.http.get("/en/feed.xml")
        XCTAssertEqual(feed.status, 200)
        XCTAssertEqual(feed["Content-Type"], "application/xml; charset=utf-8")
        XCTAssertTrue(feed.text.contains("<feed"), "an Atom feed")

        let note = try site.http.get("/files/note.txt")
        XCTAssertEqual(note["Content-Type"], "text/plain; charset=utf-8")
        XCTAssertEqual(note.text, try site.read("static/files/note.txt"))

        let chinese = try site.http.get("/en/authors/%E8%91%A3%E5%98%89%E6%80%A1/")
        XCTAssertEqual(chinese.status, 200, "a percent-encoded UTF-8 path is decoded once")

        XCTAssertEqual(try site.http.get("/en/", method: "POST").status, 405)
    }

    func testETagAndLastModifiedGive304AndHeadGivesHeadersOnly() throws {
        let site = try servedSite()
        let page = try site.http.get("/en/2025/harbor-talks/")
        XCTAssertEqual(page.status, 200)
        let tag = try XCTUnwrap(page["ETag"])
        let modified = try XCTUnwrap(page["Last-Modified"])

        let revalidated = try site.http.get("/en/2025/harbor-talks/", headers: ["If-None-Match": tag])
        XCTAssertEqual(revalidated.status, 304)
        XCTAssertTrue(revalidated.body.isEmpty)
        XCTAssertEqual(revalidated["ETag"], tag)
        XCTAssertEqual(try site.http.get("/en/2025/harbor-talks/", headers: ["If-None-Match": "\"other\""]).status, 200)
        XCTAssertEqual(try site.http.get("/en/2025/harbor-talks/", headers: ["If-Modified-Since": modified]).status, 304)

        let css = try site.http.get("/files/note.txt")
        let cssTag = try XCTUnwrap(css["ETag"])
        XCTAssertEqual(try site.http.get("/files/note.txt", headers: ["If-None-Match": "W/\(cssTag), \"x\""]).status, 304)

        let head = try site.http.get("/en/2025/harbor-talks/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head["Content-Type"], "text/html; charset=utf-8")
        XCTAssertEqual(head["Content-Length"], String(page.body.count))
        XCTAssertEqual(head["ETag"], tag)
        XCTAssertTrue(head.body.isEmpty)
    }

    func testCleanURLsRedirectToTheSlashFormAndMissesGetThe404Page() throws {
        let site = try servedSite()
        XCTAssertEqual(try site.http.get("/en/issues/2025-q1/").status, 200)
        let redirect = try site.http.get("/en/issues/2025-q1")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect["Location"], "/en/issues/2025-q1/")
        XCTAssertEqual(try site.http.get("/en/about?lang=en")["Location"], "/en/about/?lang=en", "the query is kept")
        XCTAssertEqual(try site.http.get("//en//about")["Location"], "/en/about/", "never a protocol-relative //host")
        XCTAssertEqual(try site.http.get("/").status, 200)

        let missing = try site.http.get("/en/no-such-article/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing["Content-Type"], "text/html; charset=utf-8")
        let notFoundPage = try String(contentsOf: site.output.appendingPathComponent("404.html"), encoding: .utf8)
        let title = try XCTUnwrap(notFoundPage.firstMatch(of: /<title>[^<]*<\/title>/)?.0)
        XCTAssertTrue(missing.text.contains(title), "the site's own 404.html")
        let chinese = try site.http.get("/zh/no-such-article/")
        XCTAssertEqual(chinese.status, 404)
        XCTAssertTrue(chinese.text.contains("<html lang=\"zh-Hans\">"), "a miss under /zh/ gets the Chinese 404 page")
        XCTAssertTrue(try site.http.get("/no-such-file.txt").text.contains(title), "elsewhere, the site's 404.html")

        XCTAssertEqual(try site.http.get("/files/").status, 404, "no directory listings")
        XCTAssertEqual(try site.http.get("/css/").status, 404, "no directory listings")
    }

    /// What the preview serves is the manifest of its last build, as `duet build` would write it:
    /// a file or a page put into the output folder by hand is not found.
    func testFilesTheBuildDidNotMakeAreNotServed() throws {
        let site = try servedSite()
        try Data("by hand\n".utf8).write(to: site.output.appendingPathComponent("en/notes-by-hand.txt"))
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("en/by-hand"), withIntermediateDirectories: true)
        try Data("<!doctype html><title>x</title>".utf8).write(to: site.output.appendingPathComponent("en/by-hand/index.html"))
        XCTAssertEqual(try site.http.get("/en/notes-by-hand.txt").status, 404)
        XCTAssertEqual(try site.http.get("/en/by-hand/").status, 404)
        XCTAssertEqual(try site.http.get("/en/by-hand").status, 404, "no redirect to a page that is not there")
        XCTAssertEqual(try site.http.get("/en/about/").status, 200)
        XCTAssertEqual(try site.http.get("/en/about")["Location"], "/en/about/")
        XCTAssertEqual(try site.http.get("/files/note.txt").status, 200)
    }

    func testLiveReloadScriptIsInServedHTMLButNeverOnDisk() throws {
        let site = try servedSite()
        let served = try site.http.get("/en/about/")
        XCTAssertTrue(served.text.contains(LiveReload.marker), "script injected while serving")
        XCTAssertTrue(served.text.contains("/__duet/events"))
        XCTAssertLessThan(served.text.range(of: LiveReload.marker)!.lowerBound, served.text.range(of: "</body>")!.lowerBound)
        let onDisk = try String(contentsOf: site.output.appendingPathComponent("en/about/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains(LiveReload.marker), "_site/ stays what duet build writes")
        XCTAssertFalse(onDisk.contains("__duet"))
        XCTAssertFalse(try site.http.get("/files/note.txt").text.contains(LiveReload.marker), "only HTML gets the script")
    }

    func testAnExplicitBaseURLWithAPathIsServedUnderThatPath() throws {
        let site = try servedSite(baseURL: "https://example.org/preview/")
        XCTAssertEqual(site.server.url?.absoluteString, "http://127.0.0.1:\(site.port)/preview/")
        let root = try site.http.get("/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root["Location"], "/preview/")
        let home = try site.http.get("/preview/en/")
        XCTAssertEqual(home.status, 200)
        let link = try XCTUnwrap(home.text.firstMatch(of: /href="(\/preview\/en\/issues\/[^"]+)"/)?.1, "links carry the prefix")
        XCTAssertEqual(try site.http.get(String(link)).status, 200, "and work")
        XCTAssertEqual(try site.http.get("/preview/en/about")["Location"], "/preview/en/about/")
        XCTAssertEqual(try site.http.get("/en/").status, 404)
    }

    func testAFailedFirstBuildServesTheErrorPageAtOnce() throws {
        let site = try ServedSite(start: false)
        addTeardownBlock { site.stop(); site.remove() }
        try site.write("posts/en/2025-03-01-bad.md", "---\ntitle: [unclosed\n---\nBody\n")
        try site.start()
        XCTAssertEqual(site.reports.count, 1)
        XCTAssertFalse(site.reports[0].succeeded)
        let started = Date()
        let page = try site.http.get("/en/", headers: ["Accept": "text/html"])
        XCTAssertEqual(page.status, 500)
        XCTAssertTrue(page.text.contains("posts/en/2025-03-01-bad.md:2:"), page.text)
        XCTAssertEqual(try site.http.get("/css/missing.css").status, 404, "assets are not replaced by the error page")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "no waiting for a site that does not exist yet")
    }

    func testABusyPortIsAClearErrorNamingIt() throws {
        let site = try servedSite()
        let options = site.server.configuration.build
        let second = PreviewServer(configuration: .init(build: options, port: site.port, watch: false))
        do {
            _ = try ServedSite.blocking { try await second.start() }
            XCTFail("a second server on port \(site.port) started")
            _ = try? ServedSite.blocking { await second.stop() }
        } catch let error as PreviewServerError {
            XCTAssertEqual(error, .portInUse(host: "127.0.0.1", port: site.port))
            XCTAssertTrue(error.description.contains("port \(site.port)"), error.description)
        }
        XCTAssertEqual(try site.http.get("/en/").status, 200, "the first server is unaffected")
    }

    func testMissingContentFolderIsAClearError() throws {
        let site = try servedSite()
        var options = site.server.configuration.build
        options.source = site.root.appendingPathComponent("nowhere").path
        let server = PreviewServer(configuration: .init(build: options, port: 0, watch: false))
        XCTAssertThrowsError(try ServedSite.blocking { try await server.start() }) { error in
            XCTAssertEqual(error as? PreviewServerError, .missingFolder(kind: "content", path: options.source))
        }
    }

    func testForeignHostHeaderIsRefusedOnLoopback() throws {
        let site = try servedSite()
        // DNS rebinding: a page on attacker.example resolving to 127.0.0.1 must not read the preview.
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "attacker.example:\(site.port)"]).status, 403)
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "localhost:\(site.port)"]).status, 200)
        XCTAssertEqual(try site.http.get("/en/", headers: ["Host": "[::1]:\(site.port)"]).status, 200)
    }
}
