import Foundation

/// A name folded for matching: case-, width- and diacritic-insensitive, spaces and middle dots
/// ignored, so `Élena  MARCHBANK`, `elena marchbank` and `埃琳娜・马奇班克` find their entries.
public struct NameKey: Hashable, Sendable {
    public var folded: String

    public init(_ name: String) {
        // ASCII folds to its lower case (there is no width or diacritic to fold): the bytes are
        // read directly rather than through Foundation's folding and a filter over Characters.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case 0x09...0x0D, 0x20, UInt8(ascii: "."), UInt8(ascii: "-"): continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
                default: bytes.append(byte)
                }
            }
            folded = String(decoding: bytes, as: UTF8.self)
            return
        }
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
