import DuetBuild
import XCTest

/// With the build cache, a change to what Liquid reads (an include, a data file, another post's
/// URL) reaches the pages that read it, as a full build would.
final class LiquidIncrementalTests: XCTestCase {
    func testIncludeDataAndLinkedPostChangesRebuildTheirReaders() throws {
        let site = try SiteFixture(files: [
            "posts/en/2021-01-01-a.md": "---\ntitle: A\ndescription: d\n---\n{% include note.html %} {{ site.data.facts.tide }} [b]({% post_url 2021-01-02-b %})\n",
            "posts/en/2021-01-02-b.md": "---\ntitle: B\ndescription: d\n---\nB.\n",
            "includes/note.html": "<i>first</i>",
            "data/facts.yml": "tide: low\n",
        ])
        defer { site.remove() }
        var options = site.options()
        options.cacheDirectory = site.root.appendingPathComponent(".duet-cache").path
        func build() throws -> String {
            let report = Builder(options: options).build()
            XCTAssertTrue(report.succeeded, report.diagnostics.description)
            return try site.page("en/2021/a/index.html")
        }
        XCTAssertTrue(try build().contains("<p><i>first</i> low <a href=\"/en/2021/b/\">b</a></p>"))
        try site.write("includes/note.html", "<i>second</i>")
        XCTAssertTrue(try build().contains("<i>second</i> low"))
        try site.write("data/facts.yml", "tide: high\n")
        XCTAssertTrue(try build().contains("<i>second</i> high"))
        try site.write("posts/en/2021-01-02-b.md", "---\ntitle: B\nslug: bee\ndescription: d\n---\nB.\n")
        XCTAssertTrue(try build().contains("<a href=\"/en/2021/bee/\">b</a>"))
    }
}
