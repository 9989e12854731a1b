import DuetModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one file of the content folder, refusing what would surprise an author or a reader of
/// the site: a symbolic link that leaves the content folder (the site would publish a file from
/// elsewhere on the machine), a link loop, and a document too large to be an article.
struct ContentFileReader {
    /// The longest article in the sample is under 100 KB; a file thousands of times that is a
    /// mistake (a data dump or a binary saved as `.md`). Refusing it keeps memory and build time
    /// bounded: libcmark-gfm would otherwise hold the whole tree of a 50 MB post at once.
    static let documentSizeLimit = 8 * 1024 * 1024

    /// The content folder with its symbolic links resolved, or nil when it cannot be resolved.
    let realRoot: String?

    init(root: URL) {
        realRoot = Self.realPath(root.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    func read(_ url: URL, path: String, limit: Int? = documentSizeLimit) throws(SourceError) -> Data {
        let location = SourceLocation(file: path)
        guard let real = Self.realPath(url.path) else {
            switch errno {
            case ELOOP: throw .unreadable(location, reason: "symbolic link loop (the link leads back to itself)")
            case ENOENT: throw .unreadable(location, reason: "no such file (a broken symbolic link?)")
            default: throw .unreadable(location, reason: String(cString: strerror(errno)))
            }
        }
        if let realRoot, !real.hasPrefix(realRoot) {
            throw .unreadable(location, reason: "it is a symbolic link that leads outside the content folder (copy the file in instead)")
        }
        // Foundation's message for a permission error is vaguer than the system's ("Permission denied").
        guard access(real, R_OK) == 0 else { throw .unreadable(location, reason: String(cString: strerror(errno))) }
        var status = stat()
        if stat(real, &status) == 0, let limit, Int(status.st_size) > limit {
            throw .tooLarge(location, bytes: Int(status.st_size), limit: limit)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: real))
        } catch {
            throw .unreadable(location, reason: SourceTree.reason(error))
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
