/// Pairs the published documents into translation sets and checks that paired versions agree.
///
/// Two versions in one language claiming one key is an error naming both files; versions that
/// disagree on date, issue or author list get a warning naming both, because a translation that
/// differs on those is probably a different article filed under the wrong key.
struct TranslationPairing {
    /// One set with where its versions sit in the builder's list of documents: the set is found
    /// with one hash of its key per document, and no document is copied into it.
    private struct Entry {
        var set: TranslationSet
        var members: [(language: String, index: Int, sourcePath: String)] = []
    }
    private var entries: [TranslationSet.ID: Entry] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    var sets: [TranslationSet.ID: TranslationSet] { entries.mapValues(\.set) }

    /// - Parameter capacity: at most how many sets there will be.
    init(capacity: Int) { entries.reserveCapacity(capacity) }

    /// Adds one routed document, at `index` of the list `checkAgreement` is given; returns false
    /// (with an error recorded) when its language already has a version under this key.
    mutating func add(_ document: ParsedDocument, at index: Int, route: Route) -> Bool {
        let id = document.translationID
        let language = document.language
        let other = Self.add(to: &entries[id, default: Entry(set: TranslationSet(kind: id.kind, key: id.key))],
                             language: language, index: index, sourcePath: document.sourcePath, route: route)
        guard let other else { return true }
        let how = document.frontMatter["translation_key"] == nil ? "file name" : "translation_key"
        diagnostics.append(.error(
            "translation key '\(id.key)' (from the \(how)) is claimed twice in language '\(language)': by \(other) and by \(document.sourcePath)",
            at: document.location(of: "translation_key")))
        return false
    }

    /// The source path of the version already in `language`, else nil once this one is added.
    private static func add(to entry: inout Entry, language: String, index: Int, sourcePath: String, route: Route) -> String? {
        if let other = entry.members.first(where: { $0.language == language }) { return other.sourcePath }
        entry.members.append((language, index, sourcePath))
        entry.set.routes[language] = route
        return nil
    }

    /// Warnings for paired versions that disagree, each pair once, in a stable order.
    /// - Parameter documents: the list the documents' places given to `add` are in.
    mutating func checkAgreement(languageOrder: [String], documents: [ParsedDocument]) {
        for id in entries.keys.sorted(by: { ($0.kind.rawValue, $0.key) < ($1.kind.rawValue, $1.key) }) {
            guard let members = entries[id]?.members, members.count > 1 else { continue }
            let ordered = languageOrder.compactMap { language in members.first { $0.language == language }?.index }
            guard let reference = ordered.first else { continue }
            for other in ordered.dropFirst() {
                diagnostics += Self.disagreements(documents[reference], documents[other])
            }
        }
    }

    private static func disagreements(_ reference: ParsedDocument, _ other: ParsedDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ what: String, _ key: String, _ mine: String?, _ theirs: String?) {
            guard mine != theirs, key == "date" || (mine != nil && theirs != nil) else { return }
            found.append(.warning(
                "translations disagree on \(what): \(reference.sourcePath) has '\(mine ?? "none")', \(other.sourcePath) has '\(theirs ?? "none")'",
                at: other.location(of: key)))
        }
        // The same day is the same `isoDay`: its text is made only when the days differ.
        let (mine, theirs) = (reference.date, other.date)
        if mine.map({ [$0.year, $0.month, $0.day] }) != theirs.map({ [$0.year, $0.month, $0.day] }) {
            check("date", "date", mine?.isoDay, theirs?.isoDay)
        }
        check("issue", "issue", reference.text("issue")?.lowercased(), other.text("issue")?.lowercased())
        check("author list", "authors", reference.idList("authors"), other.idList("authors"))
        return found
    }
}

extension ParsedDocument {
    /// A list key as one comparable text, only when written as a list (`authors: [a, b]`): author
    /// names written out in prose differ between languages by nature and are not compared.
    fileprivate func idList(_ key: String) -> String? {
        guard case .list = frontMatter[key] else { return nil }
        return list(key).joined(separator: ", ")
    }
}
