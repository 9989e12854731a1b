@testable import DuetRender
import DuetTemplate
import Foundation
import XCTest

/// The Mustache specification (github.com/mustache/spec, JSON form), run through `Theme`, the one
/// way Duet renders templates: the baseline any faster template engine must reproduce. The spec
/// is not part of the repository; the test reads it from `DUET_MUSTACHE_SPEC` (a folder of the
/// spec's `*.json`) or `/work/shared/mustache-spec`, and skips without it.
///
/// `Theme` refuses, at load time, two things the spec renders: a partial that does not exist and
/// a partial that includes itself. Those cases must be refused, not rendered; every other case
/// renders as specified (swift-mustache 2.1.1, the engine before, missed two re-indentation
/// cases of the inheritance module).
final class MustacheSpecTests: XCTestCase {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                          "~inheritance", "~dynamic-names"]

    func testTheThemeEngineRendersTheSpecification() throws {
        let folder = ProcessInfo.processInfo.environment["DUET_MUSTACHE_SPEC"] ?? "/work/shared/mustache-spec"
        var rendered = 0
        var refused: [String] = []
        var failures: [(name: String, detail: String)] = []
        for module in Self.modules {
            let url = URL(fileURLWithPath: folder).appendingPathComponent("\(module).json")
            guard let data = try? Data(contentsOf: url) else {
                throw XCTSkip("the Mustache spec is not at \(folder) (set DUET_MUSTACHE_SPEC to its folder of JSON files)")
            }
            let suite = try JSONDecoder().decode(SpecSuite.self, from: data)
            for test in suite.tests {
                let name = "\(module): \(test.name)"
                var templates = [TemplateSource(name: "spec", role: .layout, path: "spec.mustache", text: test.template)]
                for (partial, text) in (test.partials ?? [:]).sorted(by: { $0.key < $1.key }) {
                    templates.append(TemplateSource(name: partial, role: .partial, path: "\(partial).mustache", text: text))
                }
                let theme: Theme
                do {
                    theme = try Theme(templates: templates, strings: [:])
                } catch {
                    let messages = error.diagnostics.map(\.message).joined(separator: "; ")
                    if messages.contains("does not exist in the theme") || messages.contains("includes itself")
                        || messages.contains("include each other") {
                        refused.append(name)
                    } else {
                        failures.append((name, "theme refused: \(messages)"))
                    }
                    continue
                }
                let output = theme.render(test.data.value, layout: "spec")
                if output == test.expected {
                    rendered += 1
                } else {
                    failures.append((name, "expected \(test.expected.debugDescription), got \(output.debugDescription)"))
                }
            }
        }
        XCTAssertEqual(failures.map(\.name), [], "spec tests rendered differently: \(failures)")
        XCTAssertEqual(rendered, 181, "the whole spec renders but for the three refusals")
        // Every refusal is a missing or self-including partial, never a template the spec calls valid otherwise.
        XCTAssertEqual(refused, ["partials: Failed Lookup", "partials: Recursion", "~inheritance: Recursion"])
    }
}

/// One file of the spec.
private struct SpecSuite: Decodable {
    struct Test: Decodable {
        var name: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    var tests: [Test]
}

/// A JSON value as a template reads it: objects are maps, null is absent.
private struct SpecValue: Decodable {
    var value: TemplateValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .none
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let whole = try? container.decode(Int.self) {
            value = .int(whole)
        } else if let number = try? container.decode(Double.self) {
            value = .double(number)
        } else if let text = try? container.decode(String.self) {
            value = .text(text)
        } else if let list = try? container.decode([SpecValue].self) {
            value = .list(list.map(\.value))
        } else {
            value = .map(try container.decode([String: SpecValue].self).mapValues(\.value))
        }
    }
}
