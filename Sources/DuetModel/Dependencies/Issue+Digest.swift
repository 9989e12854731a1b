extension Issue {
    /// Every stored field, by hand; `DependencyDigestTests` fails when a field is added to `Issue`
    /// or `PublicationDate` and not here.
    public func combine(into digest: inout StableDigest) {
        digest.combine(id)
        digest.combine(year)
        digest.combine(quarter)
        digest.combine(volume)
        digest.combine(number)
        digest.combine(titles)
        digest.combine(cover)
        PublicationDate.combine(published, into: &digest)
        digest.combine(notesHTML)
        digest.combine(sourcePath)
    }

    public static let digestedFieldCount = 10
}

extension PublicationDate {
    static func combine(_ date: PublicationDate?, into digest: inout StableDigest) {
        guard let date else { digest.combine(0); return }
        digest.combine(1)
        for part in [date.year, date.month, date.day, date.hour, date.minute, date.second, date.utcOffsetSeconds] {
            digest.combine(part)
        }
    }

    public static let digestedFieldCount = 7
}
