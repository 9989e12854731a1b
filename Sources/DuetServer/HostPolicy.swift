/// The names the preview answers to, matched exactly against the `Host` of every request.
///
/// A page on another site can make the browser send requests to the preview through a name of
/// its own that resolves to 127.0.0.1 (DNS rebinding); the browser then lets that page read the
/// answers, drafts and the status page included. Such a request still carries the attacker's name
/// in `Host`, so answering only to names of this machine closes it. The match is exact: not a
/// prefix (`127.0.0.1.evil.example`), not a suffix, no trailing dot.
public struct HostPolicy: Sendable, Equatable {
    /// Lowercased; IPv6 addresses without brackets.
    public private(set) var names: Set<String>

    /// The names every preview answers to.
    public static let loopbackNames = ["127.0.0.1", "localhost", "::1"]

    public init(names: some Sequence<String>) {
        self.names = Set(names.map { HostAuthority($0)?.host ?? $0.lowercased() })
    }

    /// Loopback names, the address listened on, and `--allow-host` names; when listening beyond
    /// loopback, also the machine's own names and addresses (`machine`).
    public init(listeningOn host: String, allowed: [String], machine: [String]) {
        var all = Self.loopbackNames + [host] + allowed
        if !PreviewServer.isLoopback(host) { all += machine }
        self.init(names: all.filter { !["0.0.0.0", "::", "[::]"].contains($0) })
    }

    /// `authority` is a `Host` value (`localhost:4000`, `[::1]:4000`).
    public func accepts(_ authority: String) -> Bool {
        guard let parsed = HostAuthority(authority) else { return false }
        return names.contains(parsed.host)
    }

    /// The one line a refused request gets.
    public func refusal(_ authority: String) -> String {
        let shown = names.sorted().prefix(6).map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ", ")
        let name = authority.isEmpty ? "no host" : "'\(authority.prefix(100))'"
        return "this preview answers to \(shown) only, not to \(name); add a name with duet serve --allow-host NAME\n"
    }
}

/// `host[:port]` from a `Host` field or an absolute URL: a registered name or IPv4 address in the
/// characters RFC 3986 allows unencoded, or a bracketed IPv6 address.
struct HostAuthority: Equatable {
    var host: String
    var port: UInt16?

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 300 else { return nil }
        var hostBytes: ArraySlice<UInt8>
        var rest: ArraySlice<UInt8>
        if bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            hostBytes = bytes[1..<close]
            rest = bytes[(close + 1)...]
            guard hostBytes.contains(UInt8(ascii: ":")), hostBytes.allSatisfy({ Self.isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
            else { return nil }
        } else {
            let colon = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex
            hostBytes = bytes[..<colon]
            rest = bytes[colon...]
            guard !hostBytes.isEmpty, hostBytes.allSatisfy(Self.isNameCharacter) else { return nil }
        }
        if let first = rest.first {
            guard first == UInt8(ascii: ":") else { return nil }
            let digits = rest.dropFirst()
            guard digits.count <= 5, digits.allSatisfy(Byte.isDigit) else { return nil }
            if !digits.isEmpty {
                guard let number = UInt16(String(decoding: digits, as: UTF8.self)) else { return nil }
                port = number
            }
        }
        host = String(decoding: hostBytes.map(Byte.lowercased), as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        Byte.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(Byte.lowercased(byte))
    }

    /// Letters, digits, `-`, `.`, `_`, `~`: enough for every host and address name.
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        switch Byte.lowercased(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }
}
