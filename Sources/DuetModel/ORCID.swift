/// An ORCID iD (`0000-0002-1825-0097`), whose last character is an ISO 7064 11,2 checksum:
/// Crossref refuses a deposit with a bad one, so it is checked when the author file is read.
public enum ORCID {
    /// The bare iD from `0000-0002-1825-0097` or `https://orcid.org/0000-0002-1825-0097`.
    public static func normalized(_ text: String) -> String? {
        var rest = Substring(text.trimmingWhitespace)
        for lead in ["https://orcid.org/", "http://orcid.org/", "orcid.org/"] where rest.hasPrefix(lead) {
            rest = rest.dropFirst(lead.count)
            break
        }
        let id = String(rest).uppercased()
        return problem(with: id) == nil ? id : nil
    }

    public static func url(_ id: String) -> String { "https://orcid.org/" + id }

    /// Why `text` is not an ORCID iD, or nil when it is one.
    public static func problem(with text: String) -> String? {
        var rest = Substring(text.trimmingWhitespace.uppercased())
        for lead in ["HTTPS://ORCID.ORG/", "HTTP://ORCID.ORG/", "ORCID.ORG/"] where rest.hasPrefix(lead) {
            rest = rest.dropFirst(lead.count)
            break
        }
        let groups = rest.split(separator: "-", omittingEmptySubsequences: false)
        let characters = Array(groups.joined())
        guard groups.count == 4, groups.allSatisfy({ $0.count == 4 }), characters.dropLast().allSatisfy(\.isASCIIDigit),
              let last = characters.last, last.isASCIIDigit || last == "X" else {
            return "'\(text)' is not an ORCID iD: expected four groups of four digits, as in 0000-0002-1825-0097"
        }
        var total = 0
        for character in characters.dropLast() {
            total = (total + (character.wholeNumberValue ?? 0)) * 2
        }
        let check = (12 - total % 11) % 11
        let expected: Character = check == 10 ? "X" : Character(String(check))
        guard expected == last else {
            return "ORCID iD '\(text)' has a bad checksum: the last character should be \(expected)"
        }
        return nil
    }
}
