import DuetModel
import XCTest

/// Bylines find their registry entries by id or by any of the author's names, however they are
/// typed; names the registry does not know still get an author (and a warning).
final class AuthorMatchingTests: XCTestCase {
    private let config = SiteConfig(languages: [Language(code: "en"), Language(code: "zh", tag: "zh-Hans")])
    private let day = PublicationDate(year: 2025, month: 2, day: 14)

    private let registry = [
        Author(id: "elena-marchbank", names: ["en": "Elena Marchbank", "zh": "埃琳娜·马奇班克"],
               familyNames: ["en": "Marchbank", "zh": "马奇班克"], sourcePath: "content/authors/elena-marchbank.yml"),
        Author(id: "lin-yawei", names: ["en": "Lin Yawei", "zh": "林雅薇"], familyNames: ["en": "Lin"],
               sourcePath: "content/authors/lin-yawei.yml"),
        Author(id: "chen-wei", names: ["en": "Chen Wei", "zh": "陈伟"], familyNames: ["en": "Chen"],
               sourcePath: "content/authors/chen-wei.yml"),
    ]

    private func build(_ documents: [ParsedDocument]) -> (SiteGraph, [Diagnostic]) {
        SiteGraphBuilder(config: config, selection: ContentSelection(now: 1_900_000_000))
            .build(documents: documents, authors: registry)
    }

    private func post(_ slug: String, language: String = "en", _ frontMatter: [(String, FrontMatterValue)],
                      body: String? = nil) -> ParsedDocument {
        var result = document(path: "content/posts/\(language)/2025-02-14-\(slug).md", language: language, slug: slug,
                              date: day, frontMatter: frontMatter)
        if let body { result.bodyHTML = body }
        return result
    }

    /// The author ids of one article with the given `author:` text, and the build's diagnostics.
    private func ids(author text: String, language: String = "en") -> ([String], [Diagnostic]) {
        let (graph, diagnostics) = build([post("piece", language: language, [("author", .string(text))])])
        return (graph.articles.first?.byline.authorIDs ?? [], diagnostics)
    }

    // MARK: Registry matches

    func testMatchByIDInAuthorsList() {
        let (graph, diagnostics) = build([post("piece", [("authors", .list([.string("elena-marchbank"), .string("chen-wei")]))])])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.articles.first?.byline.authorIDs, ["elena-marchbank", "chen-wei"])
        XCTAssertEqual(graph.articles.first?.byline.namedCount, 2)
        XCTAssertEqual(graph.articles.first?.byline.etAl, false)
    }

    func testMatchByEnglishName() {
        let (found, diagnostics) = ids(author: "Elena Marchbank and Lin Yawei")
        XCTAssertEqual(found, ["elena-marchbank", "lin-yawei"])
        XCTAssertEqual(diagnostics, [])
    }

    func testMatchByChineseName() {
        let (found, diagnostics) = ids(author: "埃琳娜·马奇班克、林雅薇和陈伟", language: "zh")
        XCTAssertEqual(found, ["elena-marchbank", "lin-yawei", "chen-wei"])
        XCTAssertEqual(diagnostics, [])
    }

    func testChineseNameWithKatakanaMiddleDotMatches() {
        let (found, diagnostics) = ids(author: "埃琳娜・马奇班克", language: "zh")
        XCTAssertEqual(found, ["elena-marchbank"])
        XCTAssertEqual(diagnostics, [])
    }

    func testMatchIgnoresCaseWidthAndDiacritics() {
        for spelling in ["ELENA MARCHBANK", "Élena Marchbank", "elena  marchbank", "Ｅｌｅｎａ Ｍａｒｃｈｂａｎｋ"] {
            let (found, diagnostics) = ids(author: spelling)
            XCTAssertEqual(found, ["elena-marchbank"], spelling)
            XCTAssertEqual(diagnostics, [], spelling)
        }
    }

    func testNameKeyFolding() {
        XCTAssertEqual(NameKey("Élena MARCHBANK"), NameKey("elena marchbank"))
        XCTAssertEqual(NameKey("Ｌｉｎ Ｙａｗｅｉ"), NameKey("Lin Yawei"))
        XCTAssertEqual(NameKey("埃琳娜·马奇班克"), NameKey("埃琳娜马奇班克"))
        XCTAssertNotEqual(NameKey("Elena Marchbank"), NameKey("Elena Marchbanks"))
    }

    func testSameAuthorTwiceIsListedOnce() {
        let (found, _) = ids(author: "Elena Marchbank and ELENA MARCHBANK")
        XCTAssertEqual(found, ["elena-marchbank"])
    }

    // MARK: Unknown names

    func testUnknownNameGetsAnAuthorWithOnlyThatNameAndAWarning() throws {
        let path = "content/posts/en/2025-02-14-piece.md"
        let (graph, diagnostics) = build([post("piece", [("title", .string("Piece")),
                                                         ("author", .string("Elena Marchbank and Odile Ferrante"))])])
        XCTAssertEqual(graph.articles.first?.byline.authorIDs, ["elena-marchbank", "odile-ferrante"])
        let stranger = try XCTUnwrap(graph.authors["odile-ferrante"])
        XCTAssertEqual(stranger.names, ["en": "Odile Ferrante"])
        XCTAssertNil(stranger.sourcePath)
        XCTAssertTrue(stranger.affiliations.isEmpty && stranger.biosHTML.isEmpty)
        XCTAssertNil(stranger.photo)

        XCTAssertEqual(diagnostics.count, 1)
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: path, line: 3, column: 1), "at the author line")
        XCTAssertTrue(warning.message.contains("'Odile Ferrante'"), warning.message)
        XCTAssertTrue(warning.message.contains("odile-ferrante.yml"), warning.message)
    }

    func testUnknownChineseNameKeepsItsCharactersAsID() throws {
        let (graph, diagnostics) = build([post("piece", language: "zh", [("author", .string("周明远"))])])
        XCTAssertEqual(graph.articles.first?.byline.authorIDs, ["周明远"])
        XCTAssertEqual(graph.authors["周明远"]?.names, ["zh": "周明远"])
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    }

    func testUnknownNameUsedTwiceIsOneAuthor() {
        let (graph, _) = build([post("one", [("author", .string("Odile Ferrante"))]),
                                post("two", [("author", .string("odile ferrante"))])])
        XCTAssertEqual(graph.articles.map(\.byline.authorIDs), [["odile-ferrante"], ["odile-ferrante"]])
        XCTAssertEqual(graph.authors.keys.filter { $0.hasPrefix("odile") }, ["odile-ferrante"])
    }

    // MARK: et al.

    func testEtAlTakesTheFullListFromTheBios() throws {
        let bios = """
            <p>The article.</p>
            <hr />
            <p><strong>Elena Marchbank</strong> is a senior fellow.</p>
            <p><strong>Lin Yawei</strong> teaches at a university in Nanjing.</p>
            <p><strong>Chen Wei</strong> is a research associate.</p>

            """
        let (graph, diagnostics) = build([post("piece", [("author", .string("Elena Marchbank, et al."))], body: bios)])
        XCTAssertEqual(diagnostics, [])
        let byline = try XCTUnwrap(graph.articles.first?.byline)
        XCTAssertEqual(byline.authorIDs, ["elena-marchbank", "lin-yawei", "chen-wei"])
        XCTAssertTrue(byline.etAl)
        XCTAssertEqual(byline.namedCount, 1, "listings show the one named author and et al.")
    }

    func testChineseDengTakesTheFullListFromTheBios() throws {
        let bios = "<p>正文。</p>\n<hr />\n<p><strong>林雅薇</strong>任教于南京。</p>\n<p><strong>陈伟</strong>为研究助理。</p>\n"
        let (graph, _) = build([post("piece", language: "zh", [("author", .string("林雅薇等"))], body: bios)])
        let byline = try XCTUnwrap(graph.articles.first?.byline)
        XCTAssertEqual(byline.authorIDs, ["lin-yawei", "chen-wei"])
        XCTAssertTrue(byline.etAl)
        XCTAssertEqual(byline.namedCount, 1)
    }

    func testEtAlWithoutBiosKeepsTheNamedAuthor() throws {
        let (graph, diagnostics) = build([post("piece", [("author", .string("Lin Yawei et al."))])])
        XCTAssertEqual(diagnostics, [])
        let byline = try XCTUnwrap(graph.articles.first?.byline)
        XCTAssertEqual(byline.authorIDs, ["lin-yawei"])
        XCTAssertTrue(byline.etAl)
        XCTAssertEqual(byline.namedCount, 1)
    }

    // MARK: Articles by author

    func testArticlesByAuthorInAnyLanguageNewestFirst() {
        let later = PublicationDate(year: 2025, month: 5, day: 2)
        let zhLater = document(path: "content/posts/zh/2025-05-02-harvest.md", language: "zh", slug: "harvest",
                               date: later, frontMatter: [("author", .string("林雅薇、陈伟"))])
        let (graph, _) = build([
            post("solo", [("authors", .list([.string("lin-yawei")]))]),
            post("other", [("authors", .list([.string("elena-marchbank")]))]),
            zhLater,
        ])
        XCTAssertEqual(graph.articles(by: "lin-yawei").map(\.document.slug), ["harvest", "solo"])
        XCTAssertEqual(graph.articles(by: "chen-wei").map(\.document.slug), ["harvest"])
        XCTAssertEqual(graph.articles(by: "elena-marchbank").map(\.document.slug), ["other"])
        XCTAssertEqual(graph.articles(by: "nobody"), [])
        XCTAssertEqual(Set(graph.authors.keys), ["elena-marchbank", "lin-yawei", "chen-wei"],
                       "registry authors are kept even when they wrote nothing here")
    }

    // MARK: Family names

    func testFamilyNameFromTheRegistryAndFamilyFirst() {
        let tang = Author(id: "tang-ruoxi", names: ["en": "Tang Ruoxi", "zh": "唐若溪"], familyNames: ["en": "Tang"])
        XCTAssertEqual(tang.familyName(in: "en", fallback: "en"), "Tang")
        XCTAssertTrue(tang.familyNameFirst(in: "en", fallback: "en"))
        XCTAssertEqual(tang.familyName(in: "zh", fallback: "en"), "唐", "first character of a Chinese name")
        XCTAssertTrue(tang.familyNameFirst(in: "zh", fallback: "en"))
    }

    func testFamilyNameOfATransliteratedNameIsAfterTheDot() {
        let elena = Author(id: "e", names: ["en": "Elena Marchbank", "zh": "埃琳娜·马奇班克"])
        XCTAssertEqual(elena.familyName(in: "zh", fallback: "en"), "马奇班克")
        XCTAssertFalse(elena.familyNameFirst(in: "zh", fallback: "en"))
        XCTAssertEqual(elena.familyName(in: "en", fallback: "en"), "Marchbank")
        XCTAssertFalse(elena.familyNameFirst(in: "en", fallback: "en"))
    }

    func testFamilyNameOfAWesternNameIsTheLastWord() {
        let avery = Author(id: "avery-lin", names: ["en": "Avery Lin"])
        XCTAssertEqual(avery.familyName(in: "en", fallback: "en"), "Lin")
        XCTAssertFalse(avery.familyNameFirst(in: "en", fallback: "en"))
        XCTAssertEqual(avery.familyName(in: "zh", fallback: "en"), "Lin", "falls back to the English name")
        XCTAssertEqual(avery.name(in: "zh", fallback: "en"), "Avery Lin")
    }

    func testChineseNameWithoutRegistryFamilyName() {
        let chen = Author(id: "chen-wei", names: ["zh": "陈伟"])
        XCTAssertEqual(chen.familyName(in: "zh", fallback: "en"), "陈")
        XCTAssertTrue(chen.familyNameFirst(in: "zh", fallback: "en"))
    }
}
