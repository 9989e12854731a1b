/// A Digital Object Identifier (`10.5555/duet.2025-q1.designing-the-small-table.en`): what a
/// journal registers with Crossref so that a citation keeps resolving after the site moves.
///
/// Only DOIs the Crossref 5.3.1 schema accepts are values of this type (`10.` and 4 to 9 digits,
/// a slash, 1 to 200 characters), so a deposit built from them cannot be refused for its syntax.
public struct DOI: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `10.5555`.
    public var prefix: String
    /// Everything after the first slash.
    public var suffix: String

    /// `DOI(prefix: "10.5555", suffix: "x")`; nil when either part is malformed.
    public init?(prefix: String, suffix: String) {
        guard Self.isValidPrefix(prefix), Self.isValidSuffix(suffix) else { return nil }
        self.prefix = prefix
        self.suffix = suffix
    }

    /// A DOI as editors paste it: `10.5555/x`, `doi:10.5555/x` or `https://doi.org/10.5555/x`.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingWhitespace)
        for lead in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:"]
        where rest.hasPrefix(lead) {
            rest = rest.dropFirst(lead.count)
            break
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        self.init(prefix: String(rest[..<slash]), suffix: String(rest[rest.index(after: slash)...]))
    }

    /// `10.5555/x`.
    public var value: String { prefix + "/" + suffix }
    public var description: String { value }

    /// The resolver link readers follow; characters a URL cannot carry as they are are escaped.
    public var url: String { "https://doi.org/" + Self.escapedForURL(value) }

    /// DOIs are case-insensitive (the handle system folds ASCII case): two that differ only in
    /// case are one DOI.
    public var normalized: String { value.uppercased() }

    public static func < (lhs: DOI, rhs: DOI) -> Bool { lhs.value < rhs.value }

    /// `10.` and 4 to 9 digits: the registrant codes Crossref issues and its schema accepts.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard bytes.count >= 7, bytes.count <= 12, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "0"),
              bytes[2] == UInt8(ascii: ".") else { return false }
        return bytes[3...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// 1 to 200 characters, none of them white space or control characters (a suffix is
    /// written in URLs and in XML, where neither survives).
    public static func isValidSuffix(_ suffix: String) -> Bool {
        let count = suffix.unicodeScalars.count
        guard count >= 1, count <= 200 else { return false }
        return suffix.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isWhitespace && scalar.value >= 0x21 && scalar.value != 0x7F
                && !(0x80...0x9F).contains(scalar.value)
        }
    }

    /// What `init?(_:)` found wrong with a written DOI, for a diagnostic.
    public static func problem(with text: String) -> String? {
        guard DOI(text) == nil else { return nil }
        let trimmed = text.trimmingWhitespace
        guard let slash = trimmed.firstIndex(of: "/") else {
            return "'\(text)' is not a DOI: expected a prefix, a slash and a suffix, as in 10.5555/duet.2025-q1.slug.en"
        }
        let prefix = String(trimmed[..<slash]).split(separator: "/").last.map(String.init) ?? ""
        if !isValidPrefix(prefix), !trimmed.hasPrefix("http"), !trimmed.lowercased().hasPrefix("doi:") {
            return "'\(text)' is not a DOI: the prefix must be '10.' followed by 4 to 9 digits, as in 10.5555"
        }
        return "'\(text)' is not a DOI: the part after the prefix must be 1 to 200 characters without spaces"
    }

    /// RFC 3986 unreserved characters and `/` stay; everything else is percent-encoded, as
    /// doi.org's own guidance asks for `#`, `?`, `%` and the like.
    static func escapedForURL(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return result
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
