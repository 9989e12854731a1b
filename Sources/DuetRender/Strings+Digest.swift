import DuetModel

extension Strings {
    /// Every stored field, by hand; `StringsDigestTests` fails when a field is added to `Strings`
    /// and not here.
    public func combine(into digest: inout StableDigest) {
        digest.combine(values)
        digest.combine(locale)
    }

    public static let digestedFieldCount = 2
}
