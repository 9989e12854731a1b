import DuetModel
@testable import DuetRender
import DuetTemplate
import XCTest

final class ThemeTests: XCTestCase {
    private func layout(_ name: String, _ text: String) -> TemplateSource {
        TemplateSource(name: name, role: .layout, path: "themes/tiny/layouts/\(name).mustache", text: text)
    }

    private func partial(_ name: String, _ text: String) -> TemplateSource {
        TemplateSource(name: name, role: .partial, path: "themes/tiny/partials/\(name).mustache", text: text)
    }

    private func themeError(_ templates: [TemplateSource], file: StaticString = #filePath, line: UInt = #line) -> DiagnosticError? {
        do throws(DiagnosticError) {
            _ = try Theme(templates: templates, strings: [:])
            XCTFail("expected the theme to be refused", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testValidThemeKnowsItsLayouts() throws {
        let theme = try Theme(templates: [layout("post", "{{> head}}<main>{{{page.content}}}</main>"),
                                          layout("home", "{{> head}}home"), partial("head", "<head></head>")],
                              strings: [:])
        XCTAssertEqual(theme.layouts, ["post", "home"])
        XCTAssertEqual(theme.render(TemplateValue.map([:]), layout: "home"), "<head></head>home")
    }

    func testMissingPartialIsReportedAtItsLineAndColumn() throws {
        let text = "<!doctype html>\n<html>\n  <body>{{> nope}}</body>\n</html>\n"
        let error = try XCTUnwrap(themeError([layout("post", text)]))
        XCTAssertEqual(error.diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(error.diagnostics.first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "themes/tiny/layouts/post.mustache", line: 3, column: 9))
        XCTAssertEqual(diagnostic.description,
                       "themes/tiny/layouts/post.mustache:3:9: error: partial 'nope' does not exist in the theme")
    }

    func testPartialInsideACommentIsNotAReference() throws {
        let theme = try Theme(templates: [layout("home", "a{{! old: {{> sidebar}} }}b")], strings: [:])
        XCTAssertEqual(theme.layouts, ["home"])
    }

    func testMissingParentTemplate() throws {
        let text = "{{< nope}}\n{{$body}}Text{{/body}}\n{{/nope}}\n"
        let error = try XCTUnwrap(themeError([layout("page", text)]))
        XCTAssertEqual(error.diagnostics.map(\.description),
                       ["themes/tiny/layouts/page.mustache:1:1: error: parent template 'nope' does not exist in the theme"])
    }

    func testParentTemplateThatExistsIsAccepted() throws {
        let theme = try Theme(templates: [
            partial("base", "<main>{{$body}}default{{/body}}</main>"),
            layout("page", "{{<base}}{{$body}}custom{{/body}}{{/base}}"),
        ], strings: [:])
        XCTAssertEqual(theme.render(TemplateValue.map([:]), layout: "page"), "<main>custom</main>")
    }

    func testSyntaxErrorIsReportedWithTheTemplatePath() throws {
        let text = "<ul>\n{{#articles}}\n<li>{{title}}</li>\n{{/pages}}\n</ul>\n"
        let error = try XCTUnwrap(themeError([layout("home", text), layout("post", "fine")]))
        XCTAssertEqual(error.diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(error.diagnostics.first)
        XCTAssertEqual(diagnostic.location.file, "themes/tiny/layouts/home.mustache")
        XCTAssertEqual(diagnostic.location.line, 4)
        XCTAssertTrue(diagnostic.description.hasPrefix("themes/tiny/layouts/home.mustache:4:"), diagnostic.description)
        XCTAssertTrue(diagnostic.message.hasPrefix("template syntax error"), diagnostic.message)
    }

    func testEveryProblemIsReportedSortedByLocation() throws {
        let error = try XCTUnwrap(themeError([
            layout("post", "{{> missing_b}}\n{{> missing_a}}"),
            layout("home", "ok\n{{> gone}}"),
        ]))
        XCTAssertEqual(error.diagnostics.map(\.location.description), [
            "themes/tiny/layouts/home.mustache:2:1",
            "themes/tiny/layouts/post.mustache:1:1",
            "themes/tiny/layouts/post.mustache:2:1",
        ])
    }

    func testTwoTemplatesWithOneName() throws {
        let error = try XCTUnwrap(themeError([layout("post", "a"), partial("post", "b")]))
        XCTAssertEqual(error.diagnostics.map(\.description), [
            "themes/tiny/partials/post.mustache:1:1: error: template name 'post' is also used by themes/tiny/layouts/post.mustache",
        ])
    }

    func testUnclosedCommentIsReportedAtItsOpening() throws {
        let error = try XCTUnwrap(themeError([layout("home", "<p>\n{{! never closed\n</p>\n")]))
        XCTAssertEqual(error.diagnostics.map(\.description),
                       ["themes/tiny/layouts/home.mustache:2:1: error: template syntax error: a comment is never closed (a '}}' is missing)"])
    }
}
