import DuetModel
@testable import DuetSource
import Foundation
import XCTest
import Yams

/// The hand-written YAML 1.1 types against Yams' own regular expressions, which they replace.
final class YAMLScalarKindTests: XCTestCase {
    /// What Yams' resolver (bool, int, float, null, in that order) says of a plain scalar.
    private static let rules: [(String, NSRegularExpression)] = [
        ("bool", Resolver.Rule.bool), ("int", Resolver.Rule.int), ("float", Resolver.Rule.float), ("null", Resolver.Rule.null),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1.pattern)) }

    private static func expected(_ text: String) -> String {
        let range = NSRange(location: 0, length: text.utf16.count)
        return rules.first { $0.1.firstMatch(in: text, range: range) != nil }?.0 ?? "str"
    }

    private static func actual(_ text: String) -> String {
        switch YAMLScalarKind.of(text) {
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .null: return "null"
        case .string: return "str"
        }
    }

    func testEveryShortScalarOverTheNumberAlphabetIsTypedAsYamsTypesIt() {
        let alphabet = Array("0159_:.+-eExbo")
        var texts = [""]
        var level = [""]
        for _ in 1...4 {
            level = level.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += level
        }
        var mismatches: [String] = []
        for text in texts where Self.expected(text) != Self.actual(text) { mismatches.append(text) }
        XCTAssertEqual(mismatches.prefix(20), [], "typed differently from Yams: \(mismatches.count) of \(texts.count)")
    }

    func testWordsAndLongerNumbersAreTypedAsYamsTypesThem() {
        let texts = [
            "yes", "Yes", "YES", "yEs", "no", "NO", "true", "True", "TRUE", "tRUE", "false", "on", "On", "ON", "off", "OFF",
            "y", "n", "~", "~~", "null", "Null", "NULL", "nULL", "nil", ".inf", "-.inf", "+.Inf", ".INF", "+.nan", ".nan", ".NaN",
            ".NAN", ".nAn", "0x1F", "0xg", "0x", "0b101", "0b2", "0o17", "0o8", "017", "018", "190:20:30", "1:60", "1:5:9",
            "12:30.5", "1:30.", "6.8523015e+5", "685.230_15e+03", "685_230.15", ".5e+3", ".5e3", "1e", "1e+", "12_345",
            "-0", "+0", "2025-01-15", "2025-01-15 10:00:00 +0800", "1984", "Lanterns Over the Strait", "林雅薇", "<<", "=",
            "0:30", "00", "1__", "_1", "١٢", "１２",
        ]
        for text in texts { XCTAssertEqual(Self.actual(text), Self.expected(text), "'\(text)'") }
    }

    func testFrontMatterValuesKeepTheirYAMLTypes() throws {
        let yaml = """
            title: 1984
            rate: 0o17
            time: 1:30
            half: .5
            big: +.inf
            draft: yes
            quoted: "yes"
            empty:
            tilde: ~
            tagged: !!int 3
            tagged_text: !!str 3
            date: 2025-01-15 10:00:00 +0800
            list: [no, 2, x]
            """
        let matter = try FrontMatterParser.parse(yaml, firstLine: 2, path: "a.md")
        XCTAssertEqual(matter["title"], .int(1984))
        XCTAssertEqual(matter["rate"], .int(15))
        XCTAssertEqual(matter["time"], .int(90))
        XCTAssertEqual(matter["half"], .double(0.5))
        XCTAssertEqual(matter["big"], .double(.infinity))
        XCTAssertEqual(matter["draft"], .bool(true))
        XCTAssertEqual(matter["quoted"], .string("yes"))
        XCTAssertEqual(matter["empty"], .null)
        XCTAssertEqual(matter["tilde"], .null)
        XCTAssertEqual(matter["tagged"], .int(3))
        XCTAssertEqual(matter["tagged_text"], .string("3"))
        XCTAssertEqual(matter["date"], .string("2025-01-15 10:00:00 +0800"))
        XCTAssertEqual(matter["list"], .list([.bool(false), .int(2), .string("x")]))
    }
}
