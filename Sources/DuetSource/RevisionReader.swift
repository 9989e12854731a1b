import DuetModel
import Foundation
import Yams

/// Reads `updated:` and `corrections:`, the front matter that says a published article changed.
/// Lenient like the rest of the front matter: what cannot be read is left out with a warning at
/// its own line (an error with `--strict`), and the article still builds.
struct RevisionReader {
    var dates: PublicationDateParser
    var path: String

    /// The `updated:` date, or nil with a warning when it is not a date or precedes `published`.
    func updated(_ frontMatter: FrontMatter, published: PublicationDate?) -> (PublicationDate?, [Diagnostic]) {
        guard let entry = frontMatter.entry("updated"), entry.value != .null else { return (nil, []) }
        guard let text = entry.value.scalarText, let (date, lenient) = dates.parseLeniently(text) else {
            return (nil, [.warning("updated: '\(entry.value.scalarText ?? entry.value.kindName)' is not a date "
                                   + "(write YYYY-MM-DD [HH:MM:SS +ZZZZ]); the article is shown as never updated", at: entry.location)])
        }
        var warnings: [Diagnostic] = []
        if lenient {
            warnings.append(.warning("updated: '\(text)' is not written YYYY-MM-DD [HH:MM:SS +ZZZZ]; read as \(date.iso8601)",
                                     at: entry.location))
        }
        if let published, Self.day(of: date) < Self.day(of: published) {
            warnings.append(.warning("updated: \(date.isoDay) is before the article's date, \(published.isoDay); "
                                     + "the article is shown as never updated", at: entry.location))
            return (nil, warnings)
        }
        return (date, warnings)
    }

    /// Every correction that has a readable date on or after `published` and a note; the others
    /// are reported at their own line and left out (a notice without a date would tell readers nothing).
    ///
    /// The YAML is composed again for the positions of the list's items, which `FrontMatter`
    /// keeps only for top-level keys: a second pass over the few documents that have corrections.
    func corrections(_ frontMatter: FrontMatter, yaml: String?, firstLine: Int,
                     published: PublicationDate?) -> ([Correction], [Diagnostic]) {
        guard let entry = frontMatter.entry("corrections"), entry.value != .null else { return ([], []) }
        guard case .list = entry.value else {
            return ([], [.warning("corrections: expected a list of '- date: ... note: ...' items, found \(entry.value.kindName); "
                                  + "no correction is shown", at: entry.location)])
        }
        let items = yaml.flatMap { try? Yams.compose(yaml: $0) }.flatMap { root -> [Node]? in
            guard case .sequence(let sequence)? = root.mapping?.first(where: { $0.key.string == "corrections" })?.value else { return nil }
            return Array(sequence)
        } ?? []
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return entry.location }
            return SourceLocation(file: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        var corrections: [Correction] = []
        var warnings: [Diagnostic] = []
        for node in items {
            let at = location(node.mark)
            guard let fields = node.mapping else {
                warnings.append(.warning("correction: expected 'date:' and 'note:', found \(FrontMatterParser.value(of: node).kindName); "
                                         + "it is not shown", at: at))
                continue
            }
            func field(_ name: String) -> (key: Node, value: Node)? { fields.first { $0.key.string == name } }
            guard let dateText = field("date")?.value.scalar?.string, !dateText.isEmpty else {
                warnings.append(.warning("correction without a date: add 'date: YYYY-MM-DD'; it is not shown", at: at))
                continue
            }
            let dateAt = location(field("date")?.key.mark)
            guard let (date, lenient) = dates.parseLeniently(dateText) else {
                warnings.append(.warning("correction date '\(dateText)' is not a date (write YYYY-MM-DD); it is not shown", at: dateAt))
                continue
            }
            if lenient {
                warnings.append(.warning("correction date '\(dateText)' is not written YYYY-MM-DD; read as \(date.isoDay)", at: dateAt))
            }
            if let published, Self.day(of: date) < Self.day(of: published) {
                warnings.append(.warning("correction dated \(date.isoDay), before the article's date \(published.isoDay); "
                                         + "it is not shown", at: dateAt))
                continue
            }
            let notes = Self.notes(field("note").map { FrontMatterParser.value(of: $0.value) } ?? .null)
            guard !notes.isEmpty else {
                warnings.append(.warning("correction of \(date.isoDay) has no note: add 'note:' (text, or one per language); "
                                         + "it is not shown", at: at))
                continue
            }
            corrections.append(Correction(date: date, notes: notes))
        }
        return (corrections, warnings)
    }

    /// `note: text` -> `["*": text]`; `note: { en: ..., zh: ... }` -> by language.
    private static func notes(_ value: FrontMatterValue) -> [String: String] {
        var notes: [String: String] = [:]
        switch value {
        case .map(let pairs):
            for pair in pairs {
                if let text = pair.value.scalarText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { notes[pair.key] = text }
            }
        default:
            if let text = value.scalarText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { notes["*"] = text }
        }
        return notes
    }

    /// The calendar day as written: a correction made on the morning of publication is not "before" it.
    private static func day(of date: PublicationDate) -> Int { (date.year * 100 + date.month) * 100 + date.day }
}
