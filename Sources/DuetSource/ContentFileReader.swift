import DuetModel
import Foundation
import Synchronization
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
    /// Folders' real paths, each resolved once: `realpath` on every file made one `readlink`
    /// per component of its path, seven system calls a file before it was even opened.
    private let folders = ResolvedFolders()

    init(root: URL) {
        realRoot = Self.realPath(root.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    func read(_ url: URL, path: String, limit: Int? = documentSizeLimit) throws(SourceError) -> Data {
        try read(file: url.path, path: path, limit: limit)
    }

    /// - Parameter file: the file's path on disk, made by concatenation (a URL per file, appended
    ///   to twice, was 14,000 instructions).
    func read(file: String, path: String, limit: Int? = documentSizeLimit) throws(SourceError) -> Data {
        let location = SourceLocation(file: path)
        guard let real = resolved(file) else {
            switch errno {
            case ELOOP: throw .unreadable(location, reason: "symbolic link loop (the link leads back to itself)")
            case ENOENT: throw .unreadable(location, reason: "no such file (a broken symbolic link?)")
            default: throw .unreadable(location, reason: String(cString: strerror(errno)))
            }
        }
        if let realRoot, !real.hasPrefix(realRoot) {
            throw .unreadable(location, reason: "it is a symbolic link that leads outside the content folder (copy the file in instead)")
        }
        // The system's message for a permission error ("Permission denied"), not Foundation's vaguer one.
        let descriptor = open(real, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(location, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(location, reason: String(cString: strerror(errno))) }
        if let limit, Int(status.st_size) > limit {
            throw .tooLarge(location, bytes: Int(status.st_size), limit: limit)
        }
        // One `read` for the whole file (its size, and one byte more to see the end), into the Data returned.
        var data = Data(count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == data.count { data.count += 4096 }
            let got = data.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { readBytes(descriptor, $0 + count, raw.count - count) } ?? 0
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(location, reason: String(cString: strerror(errno)))
            }
            count += got
        }
        data.count = count
        return data
    }

    /// The file's real path: its folder's, resolved once, and its name, when the file itself is
    /// not a link; otherwise (and on any doubt) `realpath`'s answer.
    private func resolved(_ path: String) -> String? {
        var info = stat()
        let bytes = path.utf8
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash != bytes.startIndex else { return Self.realPath(path) }
        let folder = String(Substring(bytes[..<slash]))
        guard let realFolder = folders.real(folder, resolving: Self.realPath) else { return Self.realPath(path) }
        return realFolder + String(Substring(bytes[slash...]))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Real paths of folders, shared by one reader's reads (a scan may read from several threads).
private final class ResolvedFolders: Sendable {
    private let known = Mutex<[String: String]>([:])

    func real(_ folder: String, resolving: (String) -> String?) -> String? {
        if let real = known.withLock({ $0[folder] }) { return real }
        guard let real = resolving(folder) else { return nil }
        known.withLock { $0[folder] = real }
        return real
    }
}

/// `read(2)`, named apart from the reader's own `read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
