import DuetModel

/// A parsed document built by hand: `frontMatter` lines are given as (key, value) in file order,
/// the first on line 2 (after the opening fence).
func document(_ kind: ParsedDocument.Kind = .post, path: String, language: String = "en", slug: String,
              title: String? = nil, date: PublicationDate? = nil,
              frontMatter: [(String, FrontMatterValue)] = []) -> ParsedDocument {
    let entries = frontMatter.enumerated().map { index, pair in
        FrontMatter.Entry(key: pair.0, value: pair.1, location: SourceLocation(file: path, line: index + 2, column: 1))
    }
    return ParsedDocument(kind: kind, sourcePath: path, language: language, slug: slug, title: title ?? slug,
                          date: date, frontMatter: FrontMatter(entries: entries), bodyHTML: "<p>\(slug)</p>\n",
                          excerptHTML: "", headings: [])
}
