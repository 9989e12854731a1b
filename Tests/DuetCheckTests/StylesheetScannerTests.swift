import DuetCheck
import XCTest

/// Stylesheets fetch too: fonts and images through `url(...)`, other sheets through `@import`.
final class StylesheetScannerTests: XCTestCase {
    func testURLsAndImportsOutsideComments() {
        let css = """
            @import "print.css";
            @import url(https://fonts.example.com/css2?family=Serif);
            /* body { background: url(commented.png) } */
            h1 { background: URL( 'images/wave.svg' ) no-repeat; }
            .mark { mask: url(#shape); background: url(data:image/gif;base64,R0lGOD) }
            """
        let references = StylesheetScanner.references(in: css)
        XCTAssertEqual(references.map { "\($0.line):\($0.column) \($0.isImport ? "import" : "url") \($0.url)" }, [
            "1:1 import print.css",
            "2:9 import https://fonts.example.com/css2?family=Serif",
            "4:18 url images/wave.svg",
            "5:15 url #shape",
            "5:40 url data:image/gif;base64,R0lGOD",
        ])
        let rules = SiteRules(resolver: LinkResolver(baseURL: "https://example.org"))
        let findings = rules.check(pages: [:], files: ["css/site.css", "css/print.css"], stylesheets: ["css/site.css": references])
            .map { "\($0.page):\($0.line):\($0.column): \($0.severity): \($0.message)" }
        XCTAssertEqual(findings, [
            "css/site.css:2:9: warning: stylesheet loaded from external host fonts.example.com: https://fonts.example.com/css2?family=Serif",
            "css/site.css:4:18: error: broken asset: images/wave.svg (no css/images/wave.svg in the output)",
        ])
    }
}
