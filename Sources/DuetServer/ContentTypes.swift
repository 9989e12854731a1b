/// The `Content-Type` of a site file, from its extension. Text types name their charset: Duet writes
/// UTF-8 everywhere, and a browser guessing Latin-1 for a Chinese page shows mojibake.
enum ContentTypes {
    /// `text/html; charset=utf-8` for `index.html`; `application/octet-stream` when unknown.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        if let text = textTypes[ext] { return text + "; charset=utf-8" }
        return binaryTypes[ext] ?? "application/octet-stream"
    }

    /// HTML is the only kind of response that gets the live-reload script.
    static func isHTML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    private static let textTypes: [String: String] = [
        "html": "text/html", "htm": "text/html",
        "css": "text/css",
        "js": "text/javascript", "mjs": "text/javascript",
        "json": "application/json", "webmanifest": "application/manifest+json",
        "xml": "application/xml",
        "atom": "application/atom+xml",
        "rss": "application/rss+xml",
        "svg": "image/svg+xml",
        "txt": "text/plain", "md": "text/plain",
        "csv": "text/csv",
        "ris": "application/x-research-info-systems", "bib": "application/x-bibtex",
    ]

    private static let binaryTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "epub": "application/epub+zip", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "ogg": "audio/ogg",
    ]
}
