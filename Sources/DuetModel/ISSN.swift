/// An International Standard Serial Number (`2049-3630`), checked by its last digit (mod 11,
/// `X` for ten) so a mistyped number is caught before it reaches Crossref or Google Scholar.
public struct ISSN: Hashable, Sendable, CustomStringConvertible {
    /// Always `NNNN-NNNC`, with an upper-case `X`.
    public let value: String

    public init?(_ text: String) {
        guard Self.problem(with: text) == nil else { return nil }
        let digits = Self.characters(of: text)
        value = String(digits[0..<4]) + "-" + String(digits[4..<8])
    }

    public var description: String { value }

    /// Why `text` is not an ISSN, or nil when it is one.
    public static func problem(with text: String) -> String? {
        let characters = characters(of: text)
        guard characters.count == 8, characters.dropLast().allSatisfy(\.isASCIIDigit),
              let last = characters.last, last.isASCIIDigit || last == "X" else {
            return "'\(text)' is not an ISSN: expected eight digits written NNNN-NNNN (the last may be X)"
        }
        var sum = 0
        for (index, character) in characters.dropLast().enumerated() {
            sum += (8 - index) * (character.wholeNumberValue ?? 0)
        }
        let check = (11 - sum % 11) % 11
        let expected: Character = check == 10 ? "X" : Character(String(check))
        guard expected == last else {
            return "ISSN '\(text)' has a wrong check digit: the last character should be \(expected)"
        }
        return nil
    }

    private static func characters(of text: String) -> [Character] {
        text.trimmingWhitespace.uppercased().filter { $0 != "-" }.map { $0 }
    }
}

/// The journal's ISSNs, one per medium (`site.yml`: `issn: {electronic: ..., print: ...}`).
public struct ISSNs: Hashable, Sendable {
    public var electronic: ISSN?
    public var print: ISSN?

    public init(electronic: ISSN? = nil, print: ISSN? = nil) {
        self.electronic = electronic
        self.print = print
    }

    /// Electronic first: the one a reader of the web edition cites.
    public var all: [ISSN] { [electronic, print].compactMap { $0 } }
    public var isEmpty: Bool { electronic == nil && print == nil }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
