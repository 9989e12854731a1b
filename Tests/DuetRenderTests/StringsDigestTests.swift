import DuetModel
import DuetRender
import XCTest

/// The digest an output's `.strings` read is checked against covers every field of `Strings`: a
/// field added and forgotten would leave pages showing the old interface text.
final class StringsDigestTests: XCTestCase {
    private func digest(_ strings: Strings) -> UInt64 {
        var digest = StableDigest()
        strings.combine(into: &digest)
        return digest.value
    }

    func testEveryFieldIsDigested() {
        let strings = Strings(values: ["read_more": "Read more"], locale: "en")
        XCTAssertEqual(Mirror(reflecting: strings).children.count, Strings.digestedFieldCount,
                       "a field was added to Strings: add it to Strings.combine(into:)")
        var text = strings
        text.values["read_more"] = "More"
        var key = strings
        key.values = ["more": "Read more"]
        var locale = strings
        locale.locale = "en-GB"
        let digests = [digest(strings), digest(text), digest(key), digest(locale)]
        XCTAssertEqual(Set(digests).count, digests.count, "each change gives another digest")
    }

    func testTheOrderOfTheKeysDoesNotMatter() {
        var values: [String: String] = [:]
        for index in 0..<50 { values["key\(index)"] = "text \(index)" }
        var reversed: [String: String] = [:]
        for (key, text) in values.sorted(by: { $0.key > $1.key }) { reversed[key] = text }
        XCTAssertEqual(digest(Strings(values: values, locale: "zh-Hans")), digest(Strings(values: reversed, locale: "zh-Hans")))
    }
}
