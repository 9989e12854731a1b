import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// Every broken file becomes one located, one-line diagnostic.
final class BadInputTests: XCTestCase {
    private let path = "content/posts/en/2025-01-15-broken.md"

    private func diagnostic(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        diagnostic(Data(text.utf8), file: file, line: line)
    }

    private func diagnostic(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let source = SourceFile(kind: .post, path: path, folderLanguage: "en", data: data)
        guard let error = parseError(source, file: file, line: line) else { return nil }
        let text = error.diagnostic.description
        XCTAssertFalse(text.contains("\n"), "one line: \(text)", file: file, line: line)
        XCTAssertEqual(error.diagnostic.severity, .error, file: file, line: line)
        return text
    }

    func testUnterminatedFrontMatter() throws {
        let text = try XCTUnwrap(diagnostic("---\ntitle: Never Closed\n\nBody text.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):1:1: error: front matter is not terminated"), text)
    }

    func testInvalidYAMLIsReportedOnTheFileLine() throws {
        // The front matter starts on file line 2, so YAML line 2 is file line 3.
        let text = try XCTUnwrap(diagnostic("---\ntitle: Fine\nmotto: : colons : everywhere\nauthor: x\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):3:8: error: invalid YAML in front matter: "), text)
        XCTAssertTrue(text.contains("mapping values are not allowed"), text)
    }

    func testUnclosedFlowListOnTheLastLineIsReportedWhereItOpens() throws {
        let text = try XCTUnwrap(diagnostic("---\ntitle: [unclosed\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):2:8: error: invalid YAML in front matter: "), text)
    }

    func testDuplicateKeyIgnoresNestedKeysAndBlockText() throws {
        for text in ["---\ntitle: A\nlinks:\n  title: nested\ntitle: B\n---\nBody.\n",
                     "---\ntitle: A\nnotes: |\n  title: just text\ntitle: B\n---\nBody.\n"] {
            let message = try XCTUnwrap(diagnostic(text))
            XCTAssertEqual(message, "\(path):5:1: error: duplicate front matter key 'title' (first set on line 2)")
        }
    }

    func testDuplicateNestedKeyPointsAtItsColumn() throws {
        let message = try XCTUnwrap(diagnostic("---\ntitle: A\nmeta:\n  k: 1\n  k: 2\n---\nBody.\n"))
        XCTAssertEqual(message, "\(path):5:3: error: duplicate front matter key 'k' (first set on line 4)")
    }

    func testUnclosedQuoteIsReportedOnItsLine() throws {
        let text = try XCTUnwrap(diagnostic("---\ntitle: Fine\nauthor: Fine Too\nsummary: \"unclosed quote\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):4:"), text)
        XCTAssertTrue(text.contains("invalid YAML in front matter: found unexpected end of stream"), text)
    }

    func testTabIndentationIsExplained() throws {
        let text = try XCTUnwrap(diagnostic("---\ntitle: Tabs\ntags:\n\t- trade\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):4:"), text)
        XCTAssertTrue(text.contains("indent with spaces, YAML does not allow tabs"), text)
    }

    func testTitleThatIsAListIsAWrongType() throws {
        let source = SourceFile(kind: .post, path: path, folderLanguage: "en",
                                data: Data("---\nauthor: Someone\ntitle: [one, two]\n---\nBody.\n".utf8))
        let error = try XCTUnwrap(parseError(source))
        guard case let .wrongType(location, key, _, found) = error else { return XCTFail("got \(error)") }
        XCTAssertEqual(key, "title")
        XCTAssertEqual(found, "a list")
        XCTAssertEqual(location, SourceLocation(file: path, line: 3, column: 1))
        XCTAssertEqual(error.diagnostic.description, "\(path):3:1: error: 'title' must be text, found a list")
    }

    func testUnparsableDateIsReportedAtTheDateLine() throws {
        let text = try XCTUnwrap(diagnostic("---\ntitle: When\ndate: the ides of March\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):3:1: error: invalid date 'the ides of March'"), text)
    }

    func testImpossibleDateIsReportedAtTheDateLine() throws {
        let source = SourceFile(kind: .post, path: path, folderLanguage: "en",
                                data: Data("---\ntitle: Leap\nlayout: post\ndate: 2025-02-30\n---\nBody.\n".utf8))
        let error = try XCTUnwrap(parseError(source))
        XCTAssertEqual(error, .invalidDate(SourceLocation(file: path, line: 4, column: 1), text: "2025-02-30"))
        XCTAssertTrue(error.description.hasPrefix("\(path):4:1: error: invalid date '2025-02-30'"), error.description)
    }

    func testInvalidUTF8IsReportedAtItsLineAndColumn() throws {
        var data = Data("---\ntitle: Bytes\nbad ".utf8)
        data.append(0xFF)
        data.append(contentsOf: Data(" byte\n---\nBody.\n".utf8))
        let text = try XCTUnwrap(diagnostic(data))
        XCTAssertEqual(text, "\(path):3:5: error: file is not valid UTF-8 (save it as UTF-8)")
    }

    func testEmptyFile() throws {
        let text = try XCTUnwrap(diagnostic(Data()))
        XCTAssertEqual(text, "\(path):1:1: error: file is empty")
    }

    func testFrontMatterWithoutContentIsAWarningNotAnError() throws {
        let file = sourceFile("---\ntitle: Placeholder\n---\n\n  \n", path: path)
        let (document, warnings) = try XCTUnwrap(parsed(file))
        XCTAssertEqual(document.title, "Placeholder")
        XCTAssertEqual(warnings.map(\.description), ["\(path):1:1: warning: document has front matter but no content"])
    }

    func testFrontMatterThatIsNotAMapping() throws {
        let text = try XCTUnwrap(diagnostic("---\n- just\n- a list\n---\nBody.\n"))
        XCTAssertTrue(text.hasPrefix("\(path):2:"), text)
        XCTAssertTrue(text.contains("front matter must be 'key: value' lines, found a list"), text)
    }
}
