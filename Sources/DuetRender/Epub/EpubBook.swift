import Foundation

/// An EPUB before it is packaged: metadata, chapters as XHTML bodies, and the images they use.
/// Pure values, so the package documents are functions of the book alone.
struct EpubBook: Sendable {
    struct Chapter: Sendable {
        /// Manifest id and file name stem: `c01`.
        var id: String
        var title: String
        /// The inside of `<body>`, already well-formed XHTML, as UTF-8: it goes from the converter
        /// into the archive without becoming a String (whose check of the bytes cost more than
        /// the copies).
        var body: [UInt8]
    }

    struct Resource: Sendable {
        var id: String
        /// Inside the `EPUB/` folder: `images/cover.svg`.
        var href: String
        var mediaType: String
        var data: Data
    }

    /// `urn:uuid:...`, stable for one issue in one language.
    var identifier: String
    var title: String
    /// BCP 47 tag (`zh-Hans`): `dc:language` and every chapter's `xml:lang`.
    var language: String
    /// `2025-03-31T02:00:00Z`: the latest date of the content, never the build's clock.
    var modified: String
    var creators: [String]
    var publisher: String
    var tocTitle: String
    var cover: Resource?
    var coverAlt: String
    var chapters: [Chapter]
    var images: [Resource]
    /// `dc:rights`: the licence of the articles (their own when they all share one).
    var rights: String? = nil

    /// Image media types EPUB readers must support, by file extension.
    static func mediaType(ofImage path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        default: return nil
        }
    }
}
