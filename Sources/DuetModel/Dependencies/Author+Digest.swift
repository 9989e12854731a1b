extension Author {
    /// Every stored field, by hand (reflection cost the spare core of an edit more than the rest of
    /// its digests); `DependencyDigestTests` fails when a field is added to `Author` and not here.
    public func combine(into digest: inout StableDigest) {
        digest.combine(id)
        digest.combine(names)
        digest.combine(familyNames)
        digest.combine(affiliations)
        digest.combine(biosHTML)
        digest.combine(photo)
        digest.combine(website)
        digest.combine(orcid)
        digest.combine(sourcePath)
    }

    public static let digestedFieldCount = 9
}
