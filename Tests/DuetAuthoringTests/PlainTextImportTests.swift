@testable import DuetAuthoring
import Foundation
import XCTest

/// PDF-extracted text in the shape editors receive it (`Tests/Fixtures/import/`): hard-wrapped,
/// hyphenated, with page numbers, running headers and bullet glyphs.
final class PlainTextImportTests: XCTestCase {
    private func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)")
        return try PlainTextImport.decode(Data(contentsOf: url), path: name)
    }

    func testEnglishReportBecomesParagraphsHeadingsAndOneList() throws {
        let article = PlainTextImport.convert(try fixture("en-report.txt"))
        XCTAssertEqual(article.title, "Harbor Notes on Shared Rivers")
        XCTAssertEqual(article.markdown, """
            In the autumn of last year, hydrologists from both countries met in a small conference hall near the \
            estuary to compare how each side estimates flood risk on rivers that cross borders. The meeting was \
            informal, and its purpose was modest: to see whether a common vocabulary could be found before any \
            formal negotiation begins.

            ## What the Participants Found

            - Gauge records on both sides go back further than either delegation expected, but they are kept in \
            formats that cannot be read together.
            - Forecast models agree on timing and disagree on volume.
            - A shared glossary of forty terms would remove most misunderstandings at little cost.
            - Sino-American exchanges of staff should resume first at the technical level.

            ## Next Steps

            The group asked the two institutes to circulate the glossary within three months, and to hold a second \
            meeting once each side has tested it on one river basin.

            """)
    }

    func testChineseLinesJoinWithoutSpaces() throws {
        let article = PlainTextImport.convert(try fixture("zh-report.txt"))
        XCTAssertEqual(article.title, "河流数据共享座谈纪要")
        XCTAssertEqual(article.markdown, """
            去年秋天，两国的水文学者在河口附近的一间小会议室里，比较了双方如何估算跨境河流的洪水风险。会议不拘形式，\
            目标也很朴素：在任何正式谈判开始之前，先找到一套共同的说法。

            ## 主要发现

            - 双方的水位记录都比预想的更长，但格式不同，难以对照使用。
            - 预报模型对洪峰时间的判断一致，对洪量的估计分歧较大。

            ## 下一步

            与会者请两家机构在三个月内分发术语表，并在各自选定一个流域试用之后再次会面。

            """)
    }

    func testPageNumberShapes() {
        for line in ["7", "- 7 -", "Page 7", "page 7 of 30", "7 / 30", "第 7 页", "第7页 共30页"] {
            XCTAssertTrue(PlainTextImport.isPageNumber(line), line)
        }
        for line in ["7 reasons to talk", "Page Turner", "第七章", "12 delegates attended"] {
            XCTAssertFalse(PlainTextImport.isPageNumber(line), line)
        }
    }

    func testSentencesAreNotHeadings() {
        XCTAssertFalse(PlainTextImport.isHeading("The meeting ended early."))
        XCTAssertFalse(PlainTextImport.isHeading("and then the rain came"))
        XCTAssertFalse(PlainTextImport.isHeading("会议提前结束。"))
        XCTAssertTrue(PlainTextImport.isHeading("Findings and Open Questions"))
    }

    func testMarkdownLookalikesAreEscaped() {
        let article = PlainTextImport.convert("Title Here\n\n# of delegates grew.\n\n1. This was not a list.\n")
        XCTAssertEqual(article.markdown, "\\# of delegates grew.\n\n1\\. This was not a list.\n")
    }

    func testBinaryAndEmptyInputAreRefused() {
        XCTAssertThrowsError(try PlainTextImport.decode(Data("%PDF-1.7\n\0\u{1}stream".utf8), path: "a.txt")) {
            XCTAssertEqual($0 as? AuthoringError, .binaryInput(path: "a.txt", line: 2))
        }
        XCTAssertThrowsError(try PlainTextImport.decode(Data([0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28]), path: "b.txt")) {
            XCTAssertEqual($0 as? AuthoringError, .binaryInput(path: "b.txt", line: 3))
        }
        XCTAssertThrowsError(try PlainTextImport.decode(Data(" \n\t\n".utf8), path: "c.txt")) {
            XCTAssertEqual($0 as? AuthoringError, .emptyInput(path: "c.txt"))
        }
    }
}
