/// A correction an editor published after the article (`corrections:` in front matter): readers
/// see it at the top of the article, dated, and it counts as a modification of the work.
///
/// ```yaml
/// corrections:
///   - date: 2025-03-03
///     note: { en: "The second table gave 2023 for 2022.", zh: "第二张表误将2022年写作2023年。" }
/// ```
public struct Correction: Hashable, Sendable {
    public var date: PublicationDate
    /// Language code -> the note; a plain `note:` is stored under `*`, for every language.
    public var notes: [String: String]

    public init(date: PublicationDate, notes: [String: String]) {
        self.date = date
        self.notes = notes
    }

    /// The note for a page in `language`: its own, else the plain one, else any (in code order,
    /// so the choice never depends on a dictionary's order).
    public func note(in language: String) -> String {
        notes[language] ?? notes["*"] ?? notes.sorted { $0.key < $1.key }.first?.value ?? ""
    }
}
