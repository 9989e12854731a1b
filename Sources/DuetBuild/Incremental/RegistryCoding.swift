import DuetModel

// The issue and author files as the last build read them (`SitePipeline.Registry`), kept in the
// cache file under the digest of what they were read from: YAML for 190 small files cost a
// one-edit build as much as its whole parse stage. Every stored field is written;
// `RegistryCodingTests` fails when `Author` or `IssueRecord` gains one that is not.

extension CacheWriter {
    mutating func write(_ registry: SitePipeline.Registry) {
        writeFixed(registry.key)
        write(registry.issues.count)
        for issue in registry.issues { write(issue) }
        write(registry.authors.count)
        for author in registry.authors { write(author) }
        write(registry.diagnostics.count)
        for diagnostic in registry.diagnostics { write(diagnostic) }
    }

    private mutating func write(_ issue: IssueRecord) {
        write(issue.id)
        write(issue.year)
        write(issue.quarter)
        write(optional: issue.volume)
        write(optional: issue.number)
        write(issue.titles)
        write(optional: issue.cover)
        write(issue.published)
        write(issue.notesHTML)
        write(issue.sourcePath)
        write(issue.coverLocation != nil)
        if let location = issue.coverLocation { write(location) }
    }

    private mutating func write(_ author: Author) {
        write(author.id)
        write(author.names)
        write(author.familyNames)
        write(author.affiliations)
        write(author.biosHTML)
        write(optional: author.photo)
        write(optional: author.website)
        write(optional: author.orcid)
        write(optional: author.sourcePath)
    }

    private mutating func write(_ texts: [String: String]) {
        write(texts.count)
        for (key, text) in texts.sorted(by: { $0.key < $1.key }) {
            write(key)
            write(text)
        }
    }

    private mutating func write(optional text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    private mutating func write(optional number: Int?) {
        write(number != nil)
        if let number { write(number) }
    }
}

extension CacheReader {
    mutating func readRegistry() throws(Corrupt) -> SitePipeline.Registry {
        let key = try readFixed()
        var issues: [IssueRecord] = []
        for _ in 0..<(try readCount()) { issues.append(try readIssue()) }
        var authors: [Author] = []
        for _ in 0..<(try readCount()) { authors.append(try readAuthor()) }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try readCount()) { diagnostics.append(try readDiagnostic()) }
        return SitePipeline.Registry(issues: issues, authors: authors, diagnostics: diagnostics, key: key)
    }

    private mutating func readIssue() throws(Corrupt) -> IssueRecord {
        let id = try readString()
        let year = try readInt()
        let quarter = try readInt()
        let volume = try readOptionalInt()
        let number = try readOptionalInt()
        let titles = try readTexts()
        let cover = try readOptionalString()
        let published = try readDate()
        let notesHTML = try readTexts()
        let sourcePath = try readString()
        let coverLocation = try readBool() ? try readLocation() : nil
        return IssueRecord(id: id, year: year, quarter: quarter, volume: volume, number: number, titles: titles,
                           cover: cover, published: published, notesHTML: notesHTML, sourcePath: sourcePath,
                           coverLocation: coverLocation)
    }

    private mutating func readAuthor() throws(Corrupt) -> Author {
        Author(id: try readString(), names: try readTexts(), familyNames: try readTexts(), affiliations: try readTexts(),
               biosHTML: try readTexts(), photo: try readOptionalString(), website: try readOptionalString(),
               orcid: try readOptionalString(), sourcePath: try readOptionalString())
    }

    private mutating func readTexts() throws(Corrupt) -> [String: String] {
        var texts: [String: String] = [:]
        for _ in 0..<(try readCount()) {
            let key = try readString()
            texts[key] = try readString()
        }
        return texts
    }

    private mutating func readOptionalString() throws(Corrupt) -> String? {
        try readBool() ? try readString() : nil
    }

    private mutating func readOptionalInt() throws(Corrupt) -> Int? {
        try readBool() ? try readInt() : nil
    }
}
