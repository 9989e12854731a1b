/// Where a page lives: the URL path readers see and the file the writer creates for it.
public struct Route: Hashable, Sendable, Comparable {
    /// Site-relative URL path, always starting with `/`: `/en/2025/slug/`.
    public var path: String
    /// Path of the written file inside the output folder: `en/2025/slug/index.html`.
    public var outputPath: String
    /// A page for the editors, not for readers or search engines: it carries `noindex`, and
    /// navigation, feeds and the sitemap leave it out.
    public var isHidden = false

    /// Builds a route from a URL path that has already been checked by `Route.validated`.
    init(checkedPath path: String) {
        self.path = path
        self.outputPath = Self.outputPath(of: path, folder: Self.endsInSlash(path))
    }

    /// `path.hasSuffix("/")`: a `/` after an ASCII byte ends a Character of its own (no ASCII
    /// byte joins the next Character), so only other paths are walked by Character.
    static func endsInSlash(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.last == 0x2F else { return false }
        if bytes.count < 2 || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80 { return true }
        return path.hasSuffix("/")
    }

    /// The path without its first Character, then `index.html` for a folder, made in one piece
    /// (every route of every build makes one).
    private static func outputPath(of path: String, folder: Bool) -> String {
        guard startsWithOneByteCharacter(path, then: "") else {
            return folder ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
        }
        return String(joiningBytesOf: path, from: 1, and: folder ? "index.html" : "")
    }

    /// `Route(checkedPath: path + name).outputPath` for a file `name` in this route's folder
    /// (`cite.ris`), made in one piece, without the child's own route.
    public func outputPath(ofFile name: String) -> String {
        guard !name.isEmpty, name.utf8.last != 0x2F, Self.startsWithOneByteCharacter(path, then: name) else {
            return Route(checkedPath: path + name).outputPath
        }
        return String(joiningBytesOf: path, from: 1, and: name)
    }

    /// Whether the first Character of `path + next` is its first byte: two ASCII bytes but CR LF
    /// are two Characters (no ASCII byte joins a Character to its neighbour).
    private static func startsWithOneByteCharacter(_ path: String, then next: String) -> Bool {
        let bytes = path.utf8
        guard let first = bytes.first, first < 0x80, first != 0x0D else { return false }
        let second = bytes.count > 1 ? bytes[bytes.index(after: bytes.startIndex)] : next.utf8.first
        return second.map { $0 < 0x80 } ?? true
    }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }

    /// Whether the URL is a folder (`/en/2025/slug/`, not `/en/x.html`): its last Character is `/`.
    public var isFolder: Bool { Self.endsInSlash(path) }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case notASitePath(String)
        case escapesOutput(String)

        public var description: String {
            switch self {
            case .notASitePath(let path):
                return "permalink '\(path)' is not a path on this site (no scheme, host or backslash allowed)"
            case .escapesOutput(let path):
                return "permalink '\(path)' escapes the output folder ('.' and '..' segments are not allowed)"
            }
        }
    }

    /// Normalises a URL path and refuses any that could write outside the output folder.
    ///
    /// A path without a trailing slash and without an extension becomes a folder (`/about` ->
    /// `/about/`), so every page is served as `index.html` under a clean URL.
    public static func validated(_ raw: String) throws(Problem) -> Route {
        switch ASCIIScan(raw) {
        case .refused: throw .notASitePath(raw)
        case .plainFolder: return Route(checkedPath: raw.utf8.last == 0x2F ? raw : raw + "/")
        case .otherASCII: break
        case .notASCII:
            if raw.containsBytes("://") || raw.hasPrefix("//") || raw.utf8.contains(0x5C) || raw.utf8.contains(0) {
                throw .notASitePath(raw)
            }
        }
        if let route = asciiRoute(raw) { return route }
        let segments = raw.split(separator: "/", omittingEmptySubsequences: true)
        // Only a segment made of `.`, `%`, `2` and `e` can decode to `.` or `..`.
        for segment in segments where segment.utf8.allSatisfy({ ".%2eE".utf8.contains($0) }) {
            let decoded = segment.lowercased().replacingBytes("%2e", with: ".")
            if decoded == "." || decoded == ".." { throw .escapesOutput(raw) }
        }
        if segments.isEmpty { return Route(checkedPath: "/") }
        var path = "/" + segments.joined(separator: "/")
        let last = segments[segments.count - 1]
        if raw.hasSuffix("/") || !last.utf8.contains(0x2E) { path += "/" }
        return Route(checkedPath: path)
    }

    /// What one pass over the bytes of a permalink tells `validated`. In ASCII a Character is
    /// its byte (a CR LF pair aside, which holds no `/`), so the Character checks are byte checks.
    private enum ASCIIScan {
        /// A scheme or host (`://`, a leading `//`), a backslash or a NUL.
        case refused
        /// The usual generated permalink (`/en/issues/2025-q1/slug/`): one leading slash, no
        /// empty segment, and no `.` or `%` anywhere, so no segment can be or decode to `.` or
        /// `..` and the last names a folder: the path is its own route.
        case plainFolder
        case otherASCII
        /// The full checks decide.
        case notASCII

        init(_ raw: String) {
            var copy = raw
            self = copy.withUTF8 { bytes in
                guard !bytes.isEmpty else { return .otherASCII }
                var plain = bytes[0] == 0x2F
                var previous: UInt8 = 0
                for index in bytes.indices {
                    let byte = bytes[index]
                    switch byte {
                    case 0x80...: return .notASCII
                    case 0x00, 0x5C: return .refused
                    case 0x2F:
                        if previous == 0x2F { if index == 1 { return .refused }; plain = false }
                        if previous == 0x3A, index >= 1, index + 1 < bytes.count, bytes[index + 1] == 0x2F { return .refused }
                    case 0x2E, 0x25: plain = false
                    default: break
                    }
                    previous = byte
                }
                return plain ? .plainFolder : .otherASCII
            }
        }
    }

    /// `validated` for an ASCII path (every generated permalink of an ASCII slug), on its bytes:
    /// the same segments (no Character can join a `/` to the next byte in ASCII), the same
    /// refusal of `.` and `..` segments; nil for any other path, and when it escapes the output
    /// folder, so the full check reports it.
    private static func asciiRoute(_ raw: String) -> Route? {
        let bytes = raw.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var path: [UInt8] = [0x2F]
        path.reserveCapacity(bytes.count + 1)
        var segment: [UInt8] = []
        var lastHasDot = false
        var any = false
        func flush() -> Bool {
            guard !segment.isEmpty else { return true }
            if segment.allSatisfy({ ".%2eE".utf8.contains($0) }) {
                let decoded = String(decoding: segment, as: UTF8.self).lowercased().replacingBytes("%2e", with: ".")
                if decoded == "." || decoded == ".." { return false }
            }
            if any { path.append(0x2F) }
            path.append(contentsOf: segment)
            lastHasDot = segment.contains(0x2E)
            any = true
            segment.removeAll(keepingCapacity: true)
            return true
        }
        for byte in bytes {
            if byte == 0x2F {
                guard flush() else { return nil }
            } else {
                segment.append(byte)
            }
        }
        guard flush() else { return nil }
        guard any else { return Route(checkedPath: "/") }
        if bytes.last == 0x2F || !lastHasDot { path.append(0x2F) }
        return Route(checkedPath: String(decoding: path, as: UTF8.self))
    }
}
