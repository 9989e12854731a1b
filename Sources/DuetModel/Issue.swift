/// A quarterly issue: what every article belongs to, and what readers browse by.
public struct Issue: Hashable, Sendable {
    /// Lower-case `YYYY-qN` (or the file name of a special issue), as it appears in URLs.
    public var id: String
    public var year: Int
    public var quarter: Int
    public var volume: Int
    public var number: Int
    /// Title per language code.
    public var titles: [String: String]
    public var cover: String?
    public var published: PublicationDate?
    /// The editors' note per language, rendered.
    public var notesHTML: [String: String]
    /// The issue file, or nil for an issue derived from its articles' quarter.
    public var sourcePath: String?

    public init(id: String, year: Int, quarter: Int, volume: Int, number: Int, titles: [String: String] = [:],
                cover: String? = nil, published: PublicationDate? = nil, notesHTML: [String: String] = [:],
                sourcePath: String? = nil) {
        self.id = id
        self.year = year
        self.quarter = quarter
        self.volume = volume
        self.number = number
        self.titles = titles
        self.cover = cover
        self.published = published
        self.notesHTML = notesHTML
        self.sourcePath = sourcePath
    }

    /// An issue as its file describes it, completed with its volume and number.
    public init(record: IssueRecord, volume: Int, number: Int) {
        self.init(id: record.id, year: record.year, quarter: record.quarter, volume: record.volume ?? volume,
                  number: record.number ?? number, titles: record.titles, cover: record.cover,
                  published: record.published, notesHTML: record.notesHTML, sourcePath: record.sourcePath)
    }

    /// Newest first: by year, then quarter, then id.
    public static func newestFirst(_ a: Issue, _ b: Issue) -> Bool {
        (a.year, a.quarter, a.id) > (b.year, b.quarter, b.id)
    }

    /// `2025-Q1`, `2025-q1` -> (2025, 1); anything else -> nil.
    public static func quarterKey(_ text: String) -> (year: Int, quarter: Int)? {
        // The usual spelling (`2025-q1`), read off its seven bytes; any other goes the long way.
        let bytes = Array(text.utf8)
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] | 0x20 == UInt8(ascii: "q"),
           (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6]),
           bytes[0..<4].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            return (bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }, Int(bytes[6] - UInt8(ascii: "0")))
        }
        let parts = text.lowercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1].count == 2, parts[1].first == "q", let quarter = Int(parts[1].dropFirst()),
              (1...4).contains(quarter) else { return nil }
        return (year, quarter)
    }

    public static func id(year: Int, quarter: Int) -> String { "\(year)-q\(quarter)" }
}

/// An issue as its file describes it, before volume and number are derived.
public struct IssueRecord: Hashable, Sendable {
    public var id: String
    public var year: Int
    public var quarter: Int
    public var volume: Int?
    public var number: Int?
    public var titles: [String: String]
    public var cover: String?
    public var published: PublicationDate?
    public var notesHTML: [String: String]
    public var sourcePath: String
    /// Where `cover` was written, for a diagnostic when the image is missing.
    public var coverLocation: SourceLocation?

    public init(id: String, year: Int, quarter: Int, volume: Int? = nil, number: Int? = nil,
                titles: [String: String] = [:], cover: String? = nil, published: PublicationDate? = nil,
                notesHTML: [String: String] = [:], sourcePath: String, coverLocation: SourceLocation? = nil) {
        self.id = id
        self.year = year
        self.quarter = quarter
        self.volume = volume
        self.number = number
        self.titles = titles
        self.cover = cover
        self.published = published
        self.notesHTML = notesHTML
        self.sourcePath = sourcePath
        self.coverLocation = coverLocation
    }
}
