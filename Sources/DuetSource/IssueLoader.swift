import DuetMarkdown
import DuetModel
import Foundation

/// `issues/2025-q1.yml` (every language in one file) and `issues/<lang>/2025-q1.md` (front matter
/// plus the editors' note in that language as the body) -> `IssueRecord`s, merged by id.
public enum IssueLoader {
    public static func load(_ files: [SourceFile], config: SiteConfig,
                            assetExists: (String) -> Bool = { _ in true }) -> ([IssueRecord], [Diagnostic]) {
        var records: [String: IssueRecord] = [:]
        var diagnostics: [Diagnostic] = []
        let dates = PublicationDateParser(timeZone: TimeZone(identifier: config.timeZone) ?? .gmt)
        for file in files.sorted(by: { $0.path < $1.path }) {
            do {
                let record = try read(file, dates: dates)
                if var existing = records[record.id] {
                    existing.titles.merge(record.titles) { _, new in new }
                    existing.notesHTML.merge(record.notesHTML) { _, new in new }
                    existing.volume = existing.volume ?? record.volume
                    existing.number = existing.number ?? record.number
                    existing.cover = existing.cover ?? record.cover
                    existing.coverLocation = existing.coverLocation ?? record.coverLocation
                    existing.published = existing.published ?? record.published
                    records[record.id] = existing
                } else {
                    records[record.id] = record
                }
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        for record in records.values.sorted(by: { $0.id < $1.id }) {
            if let cover = record.cover, cover.hasPrefix("/"), !assetExists(cover) {
                diagnostics.append(.warning("cover '\(cover)' does not exist (put it under content/static\(cover))",
                                            at: record.coverLocation ?? SourceLocation(file: record.sourcePath)))
            }
        }
        return (records.values.sorted { $0.id < $1.id }, diagnostics)
    }

    private static func read(_ file: SourceFile, dates: PublicationDateParser) throws(SourceError) -> IssueRecord {
        let text = try SourceText.decode(file.data, path: file.path)
        let yaml: FrontMatter
        var noteMarkdown: String?
        if file.path.hasSuffix(".md") {
            let block = try FrontMatterBlock.split(text, path: file.path)
            yaml = try block.yaml.map { source throws(SourceError) in
                try FrontMatterParser.parse(source, firstLine: block.yamlFirstLine, path: file.path)
            } ?? FrontMatter()
            noteMarkdown = block.body
        } else {
            yaml = try FrontMatterParser.parse(text, firstLine: 1, path: file.path)
        }
        let fields = RecordFields(yaml: yaml, path: file.path)
        let id = file.stem.lowercased()
        let fromName = Issue.quarterKey(id)
        guard let year = try fields.integer("year") ?? fromName?.year,
              let quarter = try fields.integer("quarter", in: 1...4) ?? fromName?.quarter else {
            throw .invalidConfig(SourceLocation(file: file.path, line: 1, column: 1),
                                 problem: "an issue needs 'year' and 'quarter', or a file name like 2025-q1")
        }
        var published: PublicationDate?
        if let written = try fields.text("published") {
            guard let date = dates.parse(written) else {
                throw .invalidDate(fields.location("published") ?? SourceLocation(file: file.path), text: written)
            }
            published = date
        }
        var titles = try fields.perLanguage("title")
        var notes = try fields.markdown("note")
        if let language = file.folderLanguage {
            if let shared = titles.removeValue(forKey: "*") { titles[language] = shared }
            if let body = noteMarkdown, !body.allSatisfy(\.isWhitespace) {
                notes[language] = MarkdownRenderer(smartPunctuation: language.hasPrefix("en")).render(body).html
            }
        }
        return IssueRecord(id: id, year: year, quarter: quarter, volume: try fields.integer("volume"),
                           number: try fields.integer("number"), titles: titles, cover: try fields.text("cover"),
                           published: published, notesHTML: notes, sourcePath: file.path,
                           coverLocation: fields.location("cover"))
    }
}
