import DuetModel

/// Turns routes into the links a page prints, under the base URL's path.
struct SiteLinks: Sendable {
    var basePath: String
    var absoluteBase: String

    init(config: SiteConfig) {
        basePath = config.basePath
        absoluteBase = config.absoluteBase
    }

    /// Site-relative: `/review/en/2025/slug/` under `https://example.org/review/`.
    func url(_ route: Route) -> String { basePath + route.path }

    /// Root-relative links an author wrote in Markdown (`/images/x.svg`) moved under the base URL's
    /// path, so a site published in a sub-folder keeps working.
    func rebased(_ html: String) -> String {
        guard !basePath.isEmpty else { return html }
        return Self.prefixingRootRelativeLinks(in: html, with: basePath)
    }

    /// `href="/x"` and `src="/x"` with `prefix` put before the path; protocol-relative links
    /// (`//host/x`) are left alone. One pass over the bytes, copying the text between links whole.
    static func prefixingRootRelativeLinks(in html: String, with prefix: String) -> String {
        var output: [UInt8]?
        var copy = html
        copy.withUTF8 { bytes in
            var index = 0
            var copied = 0
            while index < bytes.count {
                let byte = bytes[index]
                let length = byte == UInt8(ascii: "h") && bytes.hasBytes(hrefRoot, at: index) ? hrefRoot.count
                    : byte == UInt8(ascii: "s") && bytes.hasBytes(srcRoot, at: index) ? srcRoot.count : 0
                guard length > 0 else { index += 1; continue }
                index += length
                if index < bytes.count, bytes[index] == UInt8(ascii: "/") { continue }
                if output == nil { output = []; output?.reserveCapacity(bytes.count + bytes.count / 16) }
                output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index - 1]))
                output?.append(contentsOf: prefix.utf8)
                copied = index - 1
            }
            if output != nil { output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
        }
        return output.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    private static let hrefRoot = Array("href=\"/".utf8)
    private static let srcRoot = Array("src=\"/".utf8)

    /// Scheme and host (`https://example.org`): the absolute base without its path.
    var origin: String {
        absoluteBase.hasSuffix(basePath) ? String(absoluteBase.dropLast(basePath.count)) : absoluteBase
    }

    /// Absolute, for canonical, hreflang and feeds: the relative form when there is no base URL.
    func absoluteURL(_ route: Route) -> String {
        absoluteBase.isEmpty ? url(route) : absoluteBase + route.path
    }
}
