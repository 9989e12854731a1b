/// Which articles still need a translator: per issue, every language an article is missing in,
/// and every translation older than its original. The original is the earliest version (the
/// default language first on a tie); a version's age is its last change (`updated:` or its
/// newest correction), else its `date:`. A translation's page tells readers the same.
public struct TranslationStatus: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// No version in this language yet.
        case missing
        /// The original was revised after this translation was.
        case outdated
    }

    public struct Row: Hashable, Sendable {
        public var issueID: String
        public var title: String
        public var originalLanguage: String
        public var originalPath: String
        /// The language that lacks a current version.
        public var language: String
        public var state: State
        /// The outdated translation's file; nil when it is missing.
        public var translationPath: String?
    }

    public var rows: [Row]

    public init(articles: [Article], config: SiteConfig) {
        let languages = config.languages.map(\.code)
        var groups: [TranslationSet.ID: [Article]] = [:]
        var order: [TranslationSet.ID] = []
        for article in articles {
            let id = article.document.translationID
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(article)
        }
        var rows: [Row] = []
        for id in order {
            guard let versions = groups[id], let original = Self.original(among: versions, config: config) else { continue }
            for language in languages where language != original.document.language {
                let row = Row(issueID: original.issueID, title: original.document.title,
                              originalLanguage: original.document.language, originalPath: original.document.sourcePath,
                              language: language, state: .missing, translationPath: nil)
                if let translation = versions.first(where: { $0.document.language == language }) {
                    if Self.isBehind(translation, original: original) {
                        rows.append(Row(issueID: row.issueID, title: row.title, originalLanguage: row.originalLanguage,
                                        originalPath: row.originalPath, language: language, state: .outdated,
                                        translationPath: translation.document.sourcePath))
                    }
                } else {
                    rows.append(row)
                }
            }
        }
        // Newest issue first, then by title, so the table reads like the archive.
        self.rows = rows.sorted { ($1.issueID, $0.title, $0.language) < ($0.issueID, $1.title, $1.language) }
    }

    public var isEmpty: Bool { rows.isEmpty }

    /// The table `duet status` prints: aligned columns, the title last so wide characters cannot
    /// break the alignment.
    public var table: String {
        let header = ["ISSUE", "NEEDS", "STATE", "ORIGINAL", "TITLE"]
        let lines = rows.map { [$0.issueID, $0.language, $0.state.rawValue, $0.originalPath, $0.title] }
        var widths = header.map(\.count)
        for line in lines { for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) } }
        return ([header] + lines).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension TranslationStatus {
    /// The original among the versions of one work: the earliest, the default language's on a tie.
    public static func original(among versions: [Article], config: SiteConfig) -> Article? {
        let languages = config.languages.map(\.code)
        func rank(_ language: String) -> Int {
            language == config.defaultLanguage ? -1 : languages.firstIndex(of: language) ?? languages.count
        }
        return versions.min { a, b in
            let (da, db) = (a.document.date?.secondsSinceEpoch ?? 0, b.document.date?.secondsSinceEpoch ?? 0)
            return da != db ? da < db : rank(a.document.language) < rank(b.document.language)
        }
    }

    /// Whether `original` changed after `translation` last did.
    public static func isBehind(_ translation: Article, original: Article) -> Bool {
        func revised(_ article: Article) -> Int64 {
            (article.document.lastModified ?? article.document.date)?.secondsSinceEpoch ?? 0
        }
        return translation.document.sourcePath != original.document.sourcePath && revised(translation) < revised(original)
    }
}

extension SiteGraph {
    /// The original of `article` when it is a translation that the original has changed since
    /// (what `duet status` lists as outdated): its page tells readers, linking the original.
    public func revisedOriginal(of article: Article) -> Article? {
        let versions = self.versions(of: article.document)
        guard let original = TranslationStatus.original(among: versions, config: config),
              TranslationStatus.isBehind(article, original: original) else { return nil }
        return original
    }

    /// The translation status page: only in builds with drafts, hidden from readers.
    public static var statusRoute: Route {
        var route = Route(checkedPath: "/status/")
        route.isHidden = true
        return route
    }
}
