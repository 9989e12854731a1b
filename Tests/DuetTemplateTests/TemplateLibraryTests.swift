@testable import DuetTemplate
import XCTest

final class TemplateLibraryTests: XCTestCase {
    private func render(_ text: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        let sources = [("page", text)] + partials.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let library = TemplateLibrary(try sources.map { ($0.0, try ParsedTemplate(parsing: $0.1)) })
        return String(decoding: library.render(context, template: "page"), as: UTF8.self)
    }

    func testEscapesTheFiveCharactersAndCopiesPlainTextWhole() throws {
        XCTAssertEqual(try render("{{a}}|{{{a}}}|{{b}}", .map(["a": .text("<a href=\"x\">Tom & Jerry's</a>"), "b": .text("纯文本")])),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|<a href=\"x\">Tom & Jerry's</a>|纯文本")
    }

    func testNumbersAndFlagsPrintAsSwiftPrintsThem() throws {
        XCTAssertEqual(try render("{{i}} {{d}} {{w}} {{b}} {{l}}", .map(["i": .int(3), "d": .double(2.5), "w": .double(2), "b": .bool(true),
                                                                      "l": .list([.text("a"), .int(1)])])),
                       "3 2.5 2.0 true [&quot;a&quot;, 1]")
    }

    func testListPositionAndTransforms() throws {
        let list = TemplateValue.list([.text("x"), .text("y"), .text("z")])
        XCTAssertEqual(try render("{{#l}}{{index()}}{{.}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}} {{/l}}", .map(["l": list])),
                       "0x^ 1y 2z$ ")
        XCTAssertEqual(try render("{{uppercased(s)}} {{count(l)}} {{#empty(e)}}none{{/empty(e)}} {{plusone(n)}}",
                                  .map(["s": .text("abc"), "l": list, "e": .list([]), "n": .int(4)])),
                       "ABC 3 none 5")
    }

    func testAnAbsentKeyLooksFurtherDownTheStackButAnEmptyTextDoesNot() throws {
        let context = TemplateValue.map(["name": .text("outer"), "inner": .map(["name": .none, "blank": .text("")]), "blank": .text("x")])
        XCTAssertEqual(try render("{{#inner}}{{name}}[{{blank}}]{{#blank}}open{{/blank}}{{/inner}}", context), "outer[]open")
    }

    func testStandalonePartialIsIndented() throws {
        XCTAssertEqual(try render("<ul>\n  {{> item}}\n</ul>\n", .map(["x": .text("a\nb")]), partials: ["item": "<li>\n{{x}}\n</li>\n"]),
                       "<ul>\n  <li>\n  a\nb\n  </li>\n</ul>\n")
    }

    func testSyntaxErrorsCarryTheirPosition() {
        XCTAssertThrowsError(try ParsedTemplate(parsing: "a\n{{#s}}\nb{{/t}}")) { error in
            XCTAssertEqual(error as? TemplateSyntaxError, TemplateSyntaxError(kind: .mismatchedClose, line: 3, column: 5))
        }
        XCTAssertThrowsError(try ParsedTemplate(parsing: "<p>{{#s}}\n{{name}}")) { error in
            XCTAssertEqual((error as? TemplateSyntaxError)?.kind, .unclosedSection)
        }
    }

    func testReferencesAreWhereTheirTagsOpenAndSkipCommentsAndDynamicNames() throws {
        let parsed = try ParsedTemplate(parsing: "{{! {{> old}} }}\n  中文{{> head}}\n{{>*lang}}{{<base}}{{$body}}x{{/body}}{{/base}}")
        XCTAssertEqual(parsed.references, [
            TemplateReference(name: "head", isParent: false, line: 2, column: 5),
            TemplateReference(name: "base", isParent: true, line: 3, column: 11),
        ])
    }

    func testSetDelimitersAndInheritance() throws {
        XCTAssertEqual(try render("{{=<% %>=}}<%a%> {{a}}", .map(["a": .text("1")])), "1 {{a}}")
        XCTAssertEqual(try render("{{<base}}{{$title}}Mine{{/title}}{{/base}}", .map([:]), partials: ["base": "<h1>{{$title}}Default{{/title}}</h1>{{$foot}}end{{/foot}}"]),
                       "<h1>Mine</h1>end")
    }

    func testDynamicPartialAndTextContentType() throws {
        XCTAssertEqual(try render("{{>*which}}|{{%CONTENT_TYPE: TEXT}}{{a}}", .map(["which": .text("zh"), "a": .text("<b>")]),
                                  partials: ["zh": "中文 {{a}}", "en": "English"]),
                       "中文 &lt;b&gt;|<b>")
    }

    func testAViewAnswersThroughItsSwitchAndMissesFallThrough() throws {
        struct Person: TemplateView {
            var name: String
            func value(for key: String) -> TemplateValue {
                switch key {
                case "name": return .text(name)
                default: return .none
                }
            }
        }
        let context = TemplateValue.map(["site": .text("Duet"), "people": .views([Person(name: "Lin"), Person(name: "Ada")])])
        XCTAssertEqual(try render("{{#people}}{{name}}@{{site}}{{^last()}}, {{/last()}}{{/people}}", context), "Lin@Duet, Ada@Duet")
    }
}
