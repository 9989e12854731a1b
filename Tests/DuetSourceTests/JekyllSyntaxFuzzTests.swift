import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// Random mixtures of Liquid and kramdown pieces: the parser must answer each one (a document or
/// a located error), never crash or hang.
final class JekyllSyntaxFuzzTests: XCTestCase {
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let pieces = [
        "{{", "}}", "{%", "%}", "{%-", "-%}", "{{ page.title }}", "{% if x %}", "{% endif %}", "{% for i in (1..3) %}",
        "{% endfor %}", "{% raw %}", "{% endraw %}", "{% comment %}", "{% endcomment %}", "{% highlight js %}",
        "{% endhighlight %}", "{% include a.html %}", "{% assign a = 'x' | upcase %}", "{% capture c %}", "{% endcapture %}",
        "| date: '%Y'", "| plus: 9223372036854775807", "{: .note}", "{:target=\"_blank\"}", "{#id}", "{::comment}",
        "{:/comment}", "{::nomarkdown}", "{:/nomarkdown}", "* TOC\n{:toc}", "`", "```", "~~~", "\n", "\n\n", "## ",
        "[a](b)", "<!-- more -->", "中文", "\u{E000}", "\u{E001}", "\u{E105}", "'", "\"", "|", "(", ")", "..", "-",
        "{% case x %}", "{% when 1 %}", "{% else %}", "{% endcase %}", "{% break %}", "*[A]: b", "\n: d", "$$",
    ]

    func testRandomJekyllSyntaxNeverCrashes() throws {
        var random = SplitMix(state: 14)
        let parser = DocumentParser(config: SiteConfig())
        let started = Date()
        for round in 0..<400 {
            var body = ""
            for _ in 0..<Int.random(in: 1...40, using: &random) { body += pieces.randomElement(using: &random) ?? "" }
            let file = SourceFile(kind: .post, path: "content/posts/en/2025-01-15-r\(round).md", folderLanguage: "en",
                                  data: Data(("---\ntitle: R\ndescription: d\n---\n" + body).utf8))
            do throws(SourceError) {
                let (_, diagnostics) = try parser.parse(file)
                XCTAssertTrue(diagnostics.allSatisfy { $0.location.line >= 1 }, "unlocated diagnostic for \(body.debugDescription)")
            } catch {
                XCTAssertGreaterThan(error.diagnostic.location.line, 0)
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }
}
