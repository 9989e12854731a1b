import Foundation

/// A name folded for matching: case-, width- and diacritic-insensitive, spaces and middle dots
/// ignored, so `Élena  MARCHBANK`, `elena marchbank` and `埃琳娜・马奇班克` find their entries.
public struct NameKey: Hashable, Sendable {
    public var folded: String

    public init(_ name: String) {
        folded = name.folding(options: [.caseInsensitive, .widthInsensitive, .diacriticInsensitive], locale: nil)
            .filter { !$0.isWhitespace && $0 != "·" && $0 != "・" && $0 != "." && $0 != "-" }
    }
}

/// An id made from a name with no registry entry: `Avery Lin` -> `avery-lin`, `林雅薇` -> `林雅薇`.
public func authorID(fromName name: String) -> String {
    var result = ""
    var pendingHyphen = false
    for character in name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) {
        if character.isLetter || character.isNumber {
            if pendingHyphen, !result.isEmpty { result.append("-") }
            pendingHyphen = false
            result.append(character)
        } else {
            pendingHyphen = true
        }
    }
    return result.isEmpty ? "author" : result
}
