/// Who deposits the journal's DOIs with Crossref (`site.yml`: `crossref: {depositor, email,
/// registrant}`): the `head` of every deposit, where Crossref sends its report.
public struct CrossrefHead: Hashable, Sendable {
    /// The organisation or person submitting (`depositor_name`).
    public var depositor: String
    /// Where Crossref mails the result of each deposit.
    public var email: String
    /// The organisation that owns the DOI prefix (usually the publisher).
    public var registrant: String

    public init(depositor: String, email: String, registrant: String) {
        self.depositor = depositor
        self.email = email
        self.registrant = registrant
    }
}
