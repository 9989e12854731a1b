import DuetBuild
import XCTest

/// `{% include %}` reads the content's `includes/` first, then the theme's.
final class ThemeIncludeTests: XCTestCase {
    func testContentIncludesWinOverTheThemesAndTheThemesAreFound() throws {
        let site = try SiteFixture(files: [
            "posts/en/2021-01-01-a.md": "---\ntitle: A\ndescription: d\n---\n{% include badge.html label=\"new\" %} {% include shared.html %}\n",
            "includes/shared.html": "<b>from the content</b>",
        ])
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("includes"), withIntermediateDirectories: true)
        try Data("<span class=\"badge\">{{ include.label }}</span>".utf8).write(to: theme.appendingPathComponent("includes/badge.html"))
        try Data("<b>from the theme</b>".utf8).write(to: theme.appendingPathComponent("includes/shared.html"))
        var options = site.options()
        options.theme = theme.path
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let html = try site.page("en/2021/a/index.html")
        XCTAssertTrue(html.contains("<p><span class=\"badge\">new</span> <b>from the content</b></p>"), html)
    }
}
