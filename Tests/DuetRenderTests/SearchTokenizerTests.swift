@testable import DuetRender
import DuetModel
import XCTest

/// The tokens search matches on; `static/js/search.js` must produce the same ones.
final class SearchTokenizerTests: XCTestCase {
    func testChineseBecomesOverlappingPairsAndALoneCharacterStaysAlone() {
        XCTAssertEqual(SearchTokenizer.tokens("小圆桌的设计"), ["小圆", "圆桌", "桌的", "的设", "设计"])
        XCTAssertEqual(SearchTokenizer.tokens("桌"), ["桌"])
        // Punctuation ends a run: no pair spans it.
        XCTAssertEqual(SearchTokenizer.tokens("先定问题，再定人选"), ["先定", "定问", "问题", "再定", "定人", "人选"])
    }

    func testLatinWordsAreLowerCasedWithDiacriticsAndWidthFolded() {
        XCTAssertEqual(SearchTokenizer.tokens("Café Naïveté, ＴＲＡＣＫ II!"), ["cafe", "naivete", "track", "ii"])
        XCTAssertEqual(SearchTokenizer.tokens("<script>alert('x')</script>"), ["script", "alert", "x", "script"])
        XCTAssertEqual(SearchTokenizer.tokens("(.*[+?"), [])
        // Compatibility ideographs become the unified ones; Greek final sigma is sigma.
        XCTAssertEqual(SearchTokenizer.tokens("\u{F900}"), ["\u{8C48}"])
        XCTAssertEqual(SearchTokenizer.tokens("ΟΔΟΣ οδος"), ["οδοσ", "οδοσ"])
    }

    func testMixedTextSwitchesBetweenWordsAndPairs() {
        XCTAssertEqual(SearchTokenizer.tokens("二轨Track II对话2025年"), ["二轨", "track", "ii", "对话", "2025", "年"])
    }

    func testTokenHashesAreTheTokensHashed() {
        for text in ["小圆桌的设计", "桌", "Café Naïveté, ＴＲＡＣＫ II!", "二轨Track II对话2025年，一", "先定问题，再定人选。A", ""] {
            XCTAssertEqual(SearchTokenizer.tokenHashes(text), Set(SearchTokenizer.tokens(text).map(BloomFilter.fnv1a)), text)
        }
    }

    func testHTMLIsTokenizedAsItsText() {
        let html = "<p>The <em>small</em> table&amp;chairs, <a href=\"https://example.org/x\">小圆桌</a>的设计&#39;s <img alt=\"map\" src=\"/a.svg\"></p>\n<h2 id=\"二轨\">二轨对话</h2>"
        XCTAssertEqual(SearchTokenizer.tokenHashes(html, isHTML: true), SearchTokenizer.tokenHashes(PlainText.from(html: html)))
        XCTAssertEqual(SearchTokenizer.tokenHashes(html, isHTML: true),
                       Set(["the", "small", "table", "chairs", "小圆", "圆桌", "桌的", "的设", "设计", "s", "二轨", "轨对", "对话"].map(BloomFilter.fnv1a)))
    }

    func testFieldsAlsoAnswerToSingleCharacters() {
        XCTAssertEqual(SearchTokenizer.fieldTokens("唐若溪"), ["唐若", "若溪", "唐", "若", "溪"])
    }

    func testSortedHashesAreTheTokenSetsHashed() {
        for text in ["唐若溪", "小圆桌的设计，桌", "Café Naïveté, ＴＲＡＣＫ II! track", "二轨Track II对话2025年，一", ""] {
            XCTAssertEqual(SearchTokenizer.sortedFieldTokenHashes(text), SearchTokenizer.fieldTokens(text).map(BloomFilter.fnv1a).sorted(), text)
            XCTAssertEqual(SearchTokenizer.sortedTokenHashes(text), Set(SearchTokenizer.tokens(text).map(BloomFilter.fnv1a)).sorted(), text)
        }
        let (a, b): ([UInt32], [UInt32]) = ([1, 3, 5, 7], [2, 3, 7, 9])
        XCTAssertEqual(a.mergingSorted(b), [1, 2, 3, 5, 7, 9])
        XCTAssertEqual(a.subtractingSorted(b), [1, 5])
        XCTAssertEqual([UInt32]().subtractingSorted(b), [])
    }

    func testAnArticleLengthTextHashesToItsTokenSet() {
        // Long enough for the radix sort (more than 64 hashes), with repeats and hashes that
        // share their high bytes.
        var text = "<p>委员会在第三次会议上讨论了预算，Committee members discussed the 2026 budget again.</p>"
        for index in 0..<300 { text += " word\(index) 议题\(index % 17) Track\(index % 5)" }
        let hashes = SearchTokenizer.sortedTokenHashes(text, isHTML: true)
        XCTAssertGreaterThan(hashes.count, 300)
        XCTAssertEqual(hashes, Set(SearchTokenizer.tokens(PlainText.from(html: text)).map(BloomFilter.fnv1a)).sorted())
        var values: [UInt32] = (0..<5000).map { UInt32(truncatingIfNeeded: $0 &* 2654435761) % 70000 }
        let expected = values.sorted()
        values.radixSort()
        XCTAssertEqual(values, expected)
    }

    func testBloomFilterHasWhatWasInsertedAndItsBase64RoundTrips() throws {
        var filter = BloomFilter(count: 3, bitsPerToken: 8, hashes: 5)
        for token in ["票价", "ferry", "调整"] { filter.insert(token) }
        XCTAssertTrue(["票价", "ferry", "调整"].allSatisfy(filter.contains))
        let decoded = try XCTUnwrap(Data(base64Encoded: filter.base64))
        XCTAssertEqual([UInt8](decoded), filter.bytes)
        // FNV-1a's published test vector, which the script's Math.imul version must also give.
        XCTAssertEqual(BloomFilter.fnv1a("a"), 0xE40C_292C)
    }
}

/// Sections of two versions of an article, paired by heading order.
final class ParallelTextTests: XCTestCase {
    func testSameStructurePairsSections() {
        let text = ParallelText(first: "<p>lead</p>\n<h2 id=\"a\">A</h2>\n<p>a</p>\n<h3 id=\"b\">B</h3>\n<h4>deep</h4>\n<p>b</p>\n",
                                second: "<h2 id=\"甲\">甲</h2>\n<p>甲文</p>\n<h3 id=\"乙\">乙</h3>\n<p>乙文</p>\n")
        XCTAssertTrue(text.aligned)
        XCTAssertEqual(text.rows.map(\.first), ["<p>lead</p>\n", "<h2 id=\"a\">A</h2>\n<p>a</p>\n", "<h3 id=\"b\">B</h3>\n<h4>deep</h4>\n<p>b</p>\n"])
        XCTAssertEqual(text.rows.map(\.second), ["", "<h2 id=\"甲\">甲</h2>\n<p>甲文</p>\n", "<h3 id=\"乙\">乙</h3>\n<p>乙文</p>\n"])
    }

    func testDifferentLevelsOrCountsKeepWholeTexts() {
        let first = "<h2>A</h2><p>a</p><h2>B</h2>", second = "<h2>甲</h2><p>甲</p><h3>乙</h3>"
        let text = ParallelText(first: first, second: second)
        XCTAssertFalse(text.aligned)
        XCTAssertEqual(text.rows.count, 1)
        XCTAssertEqual(text.rows[0].first, first)
        XCTAssertEqual(text.rows[0].second, second)
    }

    func testIdsAndInPageLinksAreNamespaced() {
        XCTAssertEqual(ParallelText.namespaced("<h2 id=\"x\">X</h2><a href=\"#fn-1\" id=\"fnref-1\">1</a><a href=\"/en/\">home</a>", prefix: "en"),
                       "<h2 id=\"en-x\">X</h2><a href=\"#en-fn-1\" id=\"en-fnref-1\">1</a><a href=\"/en/\">home</a>")
    }
}
