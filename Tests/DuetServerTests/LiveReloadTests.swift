import DuetServer
import Foundation
import XCTest

/// Edit, wait for the event, fetch: the loop an author lives in. Every wait is bounded.
final class LiveReloadTests: XCTestCase {
    private let post = "posts/en/2025-02-03-harbor-talks.md"
    private let postURL = "/en/2025/harbor-talks/"

    private func connect(_ site: ServedSite) throws -> EventStreamReader {
        let events = try EventStreamReader(port: site.port)
        addTeardownBlock { events.close() }
        XCTAssertNotNil(events.wait(for: "hello"), "the stream opens with the current build")
        return events
    }

    func testEditingAPostSendsReloadAndServesTheNewText() throws {
        let site = try servedSite()
        let events = try connect(site)
        try site.write(post, try site.read(post) + "\nA sentence added while serving.\n")
        let reload = try XCTUnwrap(events.wait(for: "reload"), "no reload event within 10 s: \(events.raw.debugDescription)")
        XCTAssertEqual(Int(reload.data), 2, "the build number after the first rebuild")
        let page = try site.http.get(postURL)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("A sentence added while serving."))
        XCTAssertTrue(page.text.contains("var build = \"2\""), "the page carries the build it came from")
    }

    func testNewFilesInNewFoldersAreNoticed() throws {
        let site = try servedSite()
        let events = try connect(site)
        try site.write("pages/en/contact.md", "---\ntitle: Contact\n---\nWrite to us.\n")
        XCTAssertNotNil(events.wait(for: "reload"))
        XCTAssertEqual(try site.http.get("/en/contact/").status, 200)
        try site.write("static/new-folder/deeper/file.txt", "fresh\n")
        XCTAssertNotNil(events.wait(for: "reload", count: 2), "a file in a folder created just now")
        // The new folder may reach the watcher before the file in it: that build has no file yet
        // (the preview serves what its last build made), and the next reload brings it.
        var served = try site.http.get("/new-folder/deeper/file.txt")
        if served.status != 200, events.wait(for: "reload", count: 3, timeout: 5) != nil {
            served = try site.http.get("/new-folder/deeper/file.txt")
        }
        XCTAssertEqual(served.text, "fresh\n")
    }

    func testABrokenTemplateShowsTheErrorPageWhileAssetsStayServedUntilFixed() throws {
        let site = try servedSite()
        let events = try connect(site)
        let stylesheet = try XCTUnwrap(try site.http.get(postURL).text.firstMatch(of: /href="(\/css\/[^"]+\.css)"/)?.1)
        let template = "layouts/post.mustache"
        let good = try site.read(template, under: site.theme)

        try site.write(template, good + "{{#page}}\nunclosed section\n", under: site.theme)
        XCTAssertNotNil(events.wait(for: "reload"), "a failed build reloads the tab to show the error")
        let broken = try site.http.get(postURL)
        XCTAssertEqual(broken.status, 500)
        XCTAssertEqual(broken["Content-Type"], "text/html; charset=utf-8")
        XCTAssertNotNil(broken.text.firstMatch(of: /theme\/layouts\/post\.mustache:\d+:\d+/), broken.text)
        XCTAssertTrue(broken.text.contains("Build failed"))
        XCTAssertTrue(broken.text.contains(LiveReload.marker), "the error page reloads itself once fixed")
        XCTAssertEqual(try site.http.get(String(stylesheet)).status, 200, "assets of the last good site stay served")
        XCTAssertEqual(try site.http.get("/files/note.txt").status, 200)
        XCTAssertEqual(try site.http.get("/en/", headers: ["Accept": "text/html"]).status, 500, "every page shows it")
        XCTAssertFalse(site.reports.last?.succeeded ?? true)
        let onDisk = try String(contentsOf: site.output.appendingPathComponent("en/2025/harbor-talks/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("unclosed section"), "the last good site is kept")

        try site.write(template, good, under: site.theme)
        XCTAssertNotNil(events.wait(for: "reload", count: 2), "fixing it reloads")
        let fixed = try site.http.get(postURL)
        XCTAssertEqual(fixed.status, 200)
        XCTAssertFalse(fixed.text.contains("Build failed"))
    }

    /// The preview links the stylesheet by its plain name, so a stylesheet save rewrites the
    /// stylesheet and renders no page; the open tabs swap it in without reloading.
    func testACSSOnlyChangeSwapsTheStylesheetWithoutAReloadOrAPageRendered() throws {
        let site = try servedSite()
        let events = try connect(site)
        let pageBefore = try Data(contentsOf: site.output.appendingPathComponent(String(postURL.dropFirst()) + "index.html"))
        let builds = site.reports.count
        let css = "static/css/duet.css"
        try site.write(css, try site.read(css, under: site.theme) + "\n.live-reload-test { color: red; }\n", under: site.theme)
        let swap = try XCTUnwrap(events.wait(for: "css"), "no css event within 10 s")
        XCTAssertEqual(events.events.filter { $0.name == "reload" }, [], "no full reload for CSS")
        XCTAssertTrue(swap.data.contains("\"/css/duet.css\""), swap.data)
        let served = try site.http.get("/css/duet.css")
        XCTAssertEqual(served.status, 200)
        XCTAssertTrue(served.text.contains(".live-reload-test"))
        let deadline = Date().addingTimeInterval(5)
        while site.reports.count == builds, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(site.reports.last?.renderedPages, 0, "no page is rendered for a stylesheet")
        XCTAssertEqual(try Data(contentsOf: site.output.appendingPathComponent(String(postURL.dropFirst()) + "index.html")), pageBefore)
    }

    func testPollingFallbackAlsoRebuilds() throws {
        let site = try servedSite(forcePolling: true)
        let events = try connect(site)
        try site.write(post, try site.read(post) + "\nSeen by polling.\n")
        XCTAssertNotNil(events.wait(for: "reload"), "no reload event within 10 s")
        XCTAssertTrue(try site.http.get(postURL).text.contains("Seen by polling."))
    }
}
