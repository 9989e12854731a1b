import DuetModel
import XCTest

/// `require_translations: true`: each post or page missing in a configured language is one
/// warning, at a version that exists, naming every missing language.
final class TranslationCoverageTests: XCTestCase {
    private let languages = ["en", "zh", "fr"]

    func testMissingLanguagesAreNamedOncePerArticle() {
        let documents = [
            document(path: "content/posts/en/2025-01-15-ports.md", language: "en", slug: "ports"),
            document(path: "content/posts/zh/2025-01-15-ports.md", language: "zh", slug: "ports"),
            document(path: "content/posts/fr/2025-01-15-ports.md", language: "fr", slug: "ports"),
            document(path: "content/posts/zh/2025-02-01-rivers.md", language: "zh", slug: "rivers"),
            document(.page, path: "content/pages/en/about.md", language: "en", slug: "about",
                     frontMatter: [("translation_key", .string("about"))]),
            document(.page, path: "content/pages/fr/a-propos.md", language: "fr", slug: "a-propos",
                     frontMatter: [("translation_key", .string("about"))]),
        ]
        let warnings = TranslationCoverage.warnings(for: documents, languages: languages).map(\.description)
        XCTAssertEqual(warnings, [
            "content/pages/en/about.md:2:1: warning: page 'about' has no translation in 'zh' (require_translations is on in site.yml)",
            "content/posts/zh/2025-02-01-rivers.md:1:1: warning: post '2025-02-01-rivers' has no translation in 'en', 'fr' (require_translations is on in site.yml)",
        ])
    }

    func testAPostAndAPageWithOneKeyDoNotCoverEachOther() {
        let documents = [
            document(path: "content/posts/en/notes.md", language: "en", slug: "notes"),
            document(.page, path: "content/pages/zh/notes.md", language: "zh", slug: "notes"),
        ]
        XCTAssertEqual(TranslationCoverage.warnings(for: documents, languages: ["en", "zh"]).count, 2)
    }
}
