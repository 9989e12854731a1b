import DuetModel
import Foundation

/// `updated:` dates: when the editors revised a version after publishing it. The translation
/// status compares them; a date that does not parse counts as no revision.
public enum Revisions {
    public static func of(_ documents: [ParsedDocument], config: SiteConfig) -> [String: PublicationDate] {
        let parser = PublicationDateParser(timeZone: TimeZone(identifier: config.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
        var revisions: [String: PublicationDate] = [:]
        for document in documents {
            if let text = document.frontMatter["updated"]?.scalarText, let date = parser.parse(text) {
                revisions[document.sourcePath] = date
            }
        }
        return revisions
    }
}
