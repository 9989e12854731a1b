/// Where a URL found in a page points, decided the way a browser on the published site would:
/// relative to the page, under the site's base path, with clean URLs served from `index.html`.
public struct LinkResolver: Sendable {
    /// `/review` for a site published at `https://example.org/review/`; empty at a host's root.
    public var basePath: String
    /// `example.org`: absolute links to it are internal links (canonical, hreflang).
    public var siteHost: String?

    public init(baseURL: String) {
        var rest = Substring(baseURL)
        var host: String?
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            host = rest[..<slash].lowercased()
            rest = rest[slash...]
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        self.basePath = String(rest)
        self.siteHost = host.flatMap { $0.isEmpty ? nil : $0 }
    }

    public enum Target: Hashable, Sendable {
        /// `mailto:`, `tel:`, `data:`, `javascript:`, an empty `#`: nothing to check.
        case ignored
        /// Another site, named by its host.
        case external(host: String)
        /// A path in this site's output (`en/x/index.html`), perhaps missing, and the fragment.
        case page(path: String, fragment: String?)
        /// A root-relative link that leaves the base path: it cannot reach this site's files.
        case outsideBase(String)
    }

    /// - Parameter page: the linking page's output path (`en/x/index.html`).
    public func resolve(_ raw: String, from page: String) -> Target {
        var url = raw
        if url.first?.isWhitespace == true || url.last?.isWhitespace == true {
            url = String(url.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        }
        guard !url.isEmpty else { return .ignored }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }

        var path: String
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/" as Character) {
            let scheme = rest[..<colon].lowercased()
            guard scheme == "http" || scheme == "https" else { return .ignored }
            guard rest[rest.index(after: colon)...].hasPrefix("//") else { return .ignored }
            rest = rest[rest.index(colon, offsetBy: 3)...]
            return resolveNetworkPath(rest, fragment: fragment)
        } else if rest.hasPrefix("//") {
            return resolveNetworkPath(rest.dropFirst(2), fragment: fragment)
        } else if rest.isEmpty {
            guard let fragment, !fragment.isEmpty else { return .ignored }
            return .page(path: page, fragment: Self.percentDecoded(fragment))
        } else if rest.hasPrefix("/") {
            path = String(rest)
            if !basePath.isEmpty {
                guard path == basePath || path.hasPrefix(basePath + "/") else { return .outsideBase(url) }
                path = String(path.dropFirst(basePath.count))
                if path.isEmpty { path = "/" }
            }
        } else {
            let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            path = "/" + (folder.isEmpty ? "" : folder + "/") + rest
        }
        return .page(path: Self.normalised(Self.percentDecoded(path)), fragment: fragment.map(Self.percentDecoded))
    }

    /// `host/path` after `https://` or `//`.
    private func resolveNetworkPath(_ rest: Substring, fragment: String?) -> Target {
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash].lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        guard host == siteHost else { return .external(host: host) }
        var path = String(rest[slash...])
        if path.isEmpty { path = "/" }
        if !basePath.isEmpty {
            guard path == basePath || path.hasPrefix(basePath + "/") else { return .outsideBase("//" + rest) }
            path = String(path.dropFirst(basePath.count))
            if path.isEmpty { path = "/" }
        }
        return .page(path: Self.normalised(Self.percentDecoded(path)), fragment: fragment.map(Self.percentDecoded))
    }

    /// `/en/./a/../b/` -> `en/b/`: site-relative, without a leading slash, `..` never above the root.
    static func normalised(_ path: String) -> String {
        // Most links are already clean: `/en/x/`.
        if path.utf8.first == UInt8(ascii: "/"), isClean(path) { return String(path.dropFirst()) }
        var segments: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(part)
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last
        let isFolder = path.hasSuffix("/") || last == "." || last == ".."
        guard !segments.isEmpty else { return "" }
        return segments.joined(separator: "/") + (isFolder ? "/" : "")
    }

    /// No `//`, no `/.`: nothing for `normalised` to do but drop the leading slash.
    private static func isClean(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return true
    }

    /// The output files a path names, in the order a static host tries them: the file itself, then,
    /// for a last segment without an extension, the folder's `index.html` (a clean URL without its slash).
    public static func candidates(for path: String) -> [String] {
        if path.isEmpty || path.hasSuffix("/") { return [path + "index.html"] }
        if path.split(separator: "/").last?.contains(".") == true { return [path] }
        return [path, path + "/index.html"]
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
