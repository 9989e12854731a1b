import DuetModel
@testable import DuetSource
import Foundation
import XCTest

final class FrontMatterQuirkTests: XCTestCase {
    func testUTF8ByteOrderMarkBeforeTheFenceIsIgnored() throws {
        let text = "\u{FEFF}---\ntitle: Lanterns Over the Strait\n---\nOpening remarks.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.title, "Lanterns Over the Strait")
        XCTAssertEqual(document.bodyHTML, "<p>Opening remarks.</p>\n")
    }

    func testCRLFLineEndingsAreNormalised() throws {
        let text = "---\r\ntitle: Windows Line Endings\r\nauthor: Mara Quist\r\n---\r\nFirst line.\r\n\r\nSecond paragraph.\r\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.title, "Windows Line Endings")
        XCTAssertEqual(document.authors, ["Mara Quist"])
        XCTAssertEqual(document.bodyHTML, "<p>First line.</p>\n<p>Second paragraph.</p>\n")
        XCTAssertFalse(document.bodyHTML.contains("\r"))
    }

    func testPaddedKeysAreReadAsTheKeyItself() throws {
        let text = "---\ntitle : Padded Key Title\ndate  : 2025-02-03\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.title, "Padded Key Title")
        XCTAssertEqual(document.date?.isoDay, "2025-02-03")
        XCTAssertEqual(document.frontMatter.entries.map(\.key), ["title", "date"])
    }

    func testHashCommentLinesAreSkipped() throws {
        let text = "---\ntitle: Comments Allowed\n#image_caption: \"not a key\"\n# a note to the editor\nauthor: Ines Halvorsen\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.title, "Comments Allowed")
        XCTAssertNil(document.frontMatter["image_caption"])
        XCTAssertEqual(document.frontMatter.entries.map(\.key), ["title", "author"])
        XCTAssertEqual(document.frontMatter.entry("author")?.location,
                       SourceLocation(file: "content/posts/en/2025-01-15-harbour-talks.md", line: 5, column: 1))
    }

    func testQuotedValueMayContainAColon() throws {
        let text = "---\ntitle: \"Ports and Pilots: A Field Note\"\ndescription: 'Ratio: one to three'\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.title, "Ports and Pilots: A Field Note")
        XCTAssertEqual(document.description, "Ratio: one to three")
    }

    func testFileNameGivesDateAndSlugWhenFrontMatterLacksThem() throws {
        let text = "---\ntitle: From the File Name\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text, path: "content/posts/en/2024-11-09-river-delta-notes.md"))
        XCTAssertEqual(document.slug, "river-delta-notes")
        XCTAssertEqual(document.date, PublicationDate(year: 2024, month: 11, day: 9))
        XCTAssertEqual(document.kind, .post)
        XCTAssertEqual(document.language, "en")
    }

    func testSlugKeyOverridesTheFileName() throws {
        let text = "---\ntitle: Renamed\nslug: a-better-slug\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text, path: "content/posts/en/2024-11-09-draft-name.md"))
        XCTAssertEqual(document.slug, "a-better-slug")
        XCTAssertEqual(document.date?.isoDay, "2024-11-09", "the file name still gives the date")
    }

    func testDateKeyOverridesTheFileNameDate() throws {
        let text = "---\ndate: 2024-12-01 08:15:00 +0100\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text, path: "content/posts/en/2024-11-09-moved.md"))
        XCTAssertEqual(document.date, PublicationDate(year: 2024, month: 12, day: 1, hour: 8, minute: 15,
                                                      utcOffsetSeconds: 3_600))
    }

    func testUnknownKeysAreKeptInOrderWithTheirValues() throws {
        let text = "---\ntitle: Extras\nmood: hopeful\nreading_minutes: 7\nfeatured: true\nsources: [archive, interview]\n---\nBody.\n"
        let document = try XCTUnwrap(parsedDocument(text))
        XCTAssertEqual(document.frontMatter["mood"], .string("hopeful"))
        XCTAssertEqual(document.frontMatter["reading_minutes"], .int(7))
        XCTAssertEqual(document.frontMatter["featured"], .bool(true))
        XCTAssertEqual(document.frontMatter["sources"], .list([.string("archive"), .string("interview")]))
        XCTAssertEqual(document.frontMatter.entries.map(\.key), ["title", "mood", "reading_minutes", "featured", "sources"])
    }

    func testLangKeyWinsOverTheFolder() throws {
        let file = sourceFile("---\nlang: zh\n---\n正文。\n", path: "content/posts/en/2025-01-15-x.md", language: "en")
        let document = try XCTUnwrap(parsed(file)?.0)
        XCTAssertEqual(document.language, "zh")
    }

    func testDuplicateKeyNamesTheKeyAndBothLines() throws {
        let path = "content/posts/en/2025-01-15-twice.md"
        let text = "---\ntitle: First Title\nauthor: Odile Brandt\ntitle: Second Title\n---\nBody.\n"
        let error = try XCTUnwrap(parseError(sourceFile(text, path: path)))
        guard case let .duplicateKey(location, key, firstLine) = error else {
            return XCTFail("expected duplicateKey, got \(error)")
        }
        XCTAssertEqual(key, "title")
        XCTAssertEqual(location.line, 4)
        XCTAssertEqual(firstLine, 2)
        let description = error.diagnostic.description
        XCTAssertTrue(description.hasPrefix("\(path):4:"), description)
        XCTAssertTrue(description.contains("'title'"), description)
        XCTAssertTrue(description.contains("first set on line 2"), description)
        XCTAssertFalse(description.contains("\n"), "a diagnostic is one line")
    }

    func testPostWithoutFrontMatterTakesTitleFromFirstHeading() throws {
        let text = "Some lead-in text.\n\n# Tidewater Accord Revisited\n\nMore.\n"
        let file = sourceFile(text, path: "content/posts/en/2025-03-02-tidewater.md")
        let (document, warnings) = try XCTUnwrap(parsed(file))
        XCTAssertEqual(document.kind, .post)
        XCTAssertEqual(document.title, "Tidewater Accord Revisited")
        XCTAssertEqual(document.date?.isoDay, "2025-03-02")
        XCTAssertEqual(document.slug, "tidewater")
        XCTAssertTrue(document.frontMatter.isEmpty)
        XCTAssertTrue(warnings.isEmpty)
    }

    func testPostWithoutFrontMatterOrHeadingTakesTitleFromFileName() throws {
        let file = sourceFile("Only a paragraph here.\n", path: "content/posts/en/2025-03-02-quiet-back-channels.md")
        let document = try XCTUnwrap(parsed(file)?.0)
        XCTAssertEqual(document.kind, .post)
        XCTAssertEqual(document.title, "Quiet Back Channels")
        XCTAssertEqual(document.slug, "quiet-back-channels")
    }

    func testPageFileNameIsNotReadAsADate() throws {
        let file = sourceFile("---\ntitle: About\n---\nWho we are.\n", path: "content/pages/en/2025-01-01-about.md",
                              kind: .page)
        let document = try XCTUnwrap(parsed(file)?.0)
        XCTAssertEqual(document.kind, .page)
        XCTAssertNil(document.date)
        XCTAssertEqual(document.slug, "2025-01-01-about")
    }
}
