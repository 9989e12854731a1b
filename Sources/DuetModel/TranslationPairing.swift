/// Pairs the published documents into translation sets and checks that paired versions agree.
///
/// Two versions in one language claiming one key is an error naming both files; versions that
/// disagree on date, issue or author list get a warning naming both, because a translation that
/// differs on those is probably a different article filed under the wrong key.
struct TranslationPairing {
    private(set) var sets: [TranslationSet.ID: TranslationSet] = [:]
    private var documents: [TranslationSet.ID: [String: ParsedDocument]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Adds one routed document; returns false (with an error recorded) when its language already
    /// has a version under this key.
    mutating func add(_ document: ParsedDocument, route: Route) -> Bool {
        let id = document.translationID
        if let other = documents[id]?[document.language] {
            let how = document.frontMatter["translation_key"] == nil ? "file name" : "translation_key"
            diagnostics.append(.error(
                "translation key '\(id.key)' (from the \(how)) is claimed twice in language '\(document.language)': by \(other.sourcePath) and by \(document.sourcePath)",
                at: document.location(of: "translation_key")))
            return false
        }
        documents[id, default: [:]][document.language] = document
        sets[id, default: TranslationSet(kind: id.kind, key: id.key)].routes[document.language] = route
        return true
    }

    /// Warnings for paired versions that disagree, each pair once, in a stable order.
    mutating func checkAgreement(languageOrder: [String]) {
        for id in documents.keys.sorted(by: { ($0.kind.rawValue, $0.key) < ($1.kind.rawValue, $1.key) }) {
            guard let versions = documents[id] else { continue }
            let ordered = languageOrder.compactMap { versions[$0] }
            guard let reference = ordered.first else { continue }
            for other in ordered.dropFirst() {
                for (what, key, mine, theirs) in [
                    ("date", "date", reference.date?.isoDay, other.date?.isoDay),
                    ("issue", "issue", reference.text("issue")?.lowercased(), other.text("issue")?.lowercased()),
                    ("author list", "authors", reference.idList("authors"), other.idList("authors")),
                ] where mine != theirs && (key == "date" || (mine != nil && theirs != nil)) {
                    diagnostics.append(.warning(
                        "translations disagree on \(what): \(reference.sourcePath) has '\(mine ?? "none")', \(other.sourcePath) has '\(theirs ?? "none")'",
                        at: other.location(of: key)))
                }
            }
        }
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
