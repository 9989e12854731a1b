import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the path of a request into a file of the site, or refuses it.
///
/// The raw request target is percent-decoded exactly once, then checked and normalized here, in
/// one place: `..` segments (however encoded: `%2e%2e`, `..%2f`, `%5c`), backslashes, NUL and other
/// control bytes, invalid or overlong UTF-8 (`%c0%ae`) are refused with 400; what remains is a list
/// of plain names below the site folder. The file found is then resolved with `realpath`, so a
/// symlink that leads outside the site is a 404 like any missing file. Folders are never listed:
/// `/en/about/` serves `en/about/index.html`, `/en/about` redirects to `/en/about/`.
public struct SitePathResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the site; `path` is absolute with every symlink resolved,
        /// `relative` is its path inside the site (`en/about/index.html`).
        case file(path: String, relative: String)
        /// `301` to this absolute path (always a single leading slash, percent-encoded).
        case redirect(String)
        case notFound
        case badRequest(String)
    }

    public let root: URL
    /// `root.path`, computed once: it is needed on every request.
    let rootPath: String

    public init(root: URL) {
        self.root = root
        self.rootPath = root.path
    }

    /// `rawPath` is the request target as sent, without its query (`/en/issues/2025-q1/`).
    /// `publishes`, when given, says which files (relative paths) are the site's: any other file,
    /// and a folder without a published `index.html`, is not found.
    public func resolve(_ rawPath: String, publishes: ((String) -> Bool)? = nil) -> Resolution {
        let segments: [String]
        let trailingSlash: Bool
        switch Self.normalize(rawPath) {
        case .failure(let error): return .badRequest(error.reason)
        case .success(let result): (segments, trailingSlash) = result
        }
        guard let rootPath = Self.realPath(self.rootPath) else { return .notFound }
        let relative = segments.joined(separator: "/")
        let candidate = relative.isEmpty ? rootPath : rootPath + "/" + relative
        guard let real = Self.realPath(candidate), Self.isInside(real, root: rootPath) else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // The name asked for must be the site's, not only the file it leads to.
            guard publishes?(relative) ?? true else { return .notFound }
            return .file(path: real, relative: String(real.dropFirst(rootPath.count + 1)))
        case S_IFDIR:
            guard publishes?(relative.isEmpty ? "index.html" : relative + "/index.html") ?? true else { return .notFound }
            guard trailingSlash || segments.isEmpty else {
                return .redirect(Self.encode(segments) + "/")
            }
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root: rootPath),
                  stat(index, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(path: index, relative: String(index.dropFirst(rootPath.count + 1)))
        default:
            return .notFound
        }
    }

    /// Decodes `%XX` once and splits into names. Fails on anything that has no business in a path.
    static func normalize(_ rawPath: String) -> Result<(segments: [String], trailingSlash: Bool), NormalizeError> {
        guard rawPath.hasPrefix("/") else { return .failure(NormalizeError("the path must start with /")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rawPath.utf8.count)
        var input = rawPath.utf8.makeIterator()
        while let byte = input.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else {
                return .failure(NormalizeError("malformed percent-encoding"))
            }
            bytes.append(high << 4 | low)
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(NormalizeError("control characters (NUL included) are not allowed in a path"))
        }
        if bytes.contains(UInt8(ascii: "\\")) {
            return .failure(NormalizeError("backslashes are not allowed in a path"))
        }
        // Strict UTF-8: rejects overlong forms such as C0 AE ("."), surrogates and truncated sequences.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(NormalizeError("the path is not valid UTF-8"))
        }
        var segments: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return .failure(NormalizeError("'..' is not allowed in a path")) }
            segments.append(String(part))
        }
        return .success((segments, text.hasSuffix("/")))
    }

    struct NormalizeError: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A path made only of names, each percent-encoded, so a redirect can never become `//host`.
    static func encode(_ segments: [String]) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "/")
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
