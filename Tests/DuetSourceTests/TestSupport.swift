import DuetModel
@testable import DuetSource
import Foundation
import XCTest

/// A post under `content/posts/en/` built from a Swift string, no file needed.
func sourceFile(_ text: String, path: String = "content/posts/en/2025-01-15-harbour-talks.md",
                kind: SourceFile.Kind = .post, language: String? = "en") -> SourceFile {
    SourceFile(kind: kind, path: path, folderLanguage: language, data: Data(text.utf8))
}

/// Parses or fails the test, returning the document and its warnings.
func parsed(_ file: SourceFile, config: SiteConfig = SiteConfig(),
            file testFile: StaticString = #filePath, line: UInt = #line) -> (ParsedDocument, [Diagnostic])? {
    do throws(SourceError) {
        return try DocumentParser(config: config).parse(file)
    } catch {
        XCTFail("unexpected error: \(error)", file: testFile, line: line)
        return nil
    }
}

func parsedDocument(_ text: String, path: String = "content/posts/en/2025-01-15-harbour-talks.md",
                    config: SiteConfig = SiteConfig(),
                    file testFile: StaticString = #filePath, line: UInt = #line) -> ParsedDocument? {
    parsed(sourceFile(text, path: path), config: config, file: testFile, line: line)?.0
}

/// The error the parser throws, or a test failure when it accepts the file.
func parseError(_ file: SourceFile, config: SiteConfig = SiteConfig(),
                file testFile: StaticString = #filePath, line: UInt = #line) -> SourceError? {
    do throws(SourceError) {
        let (document, _) = try DocumentParser(config: config).parse(file)
        XCTFail("expected an error, got a document titled '\(document.title)'", file: testFile, line: line)
        return nil
    } catch {
        return error
    }
}
