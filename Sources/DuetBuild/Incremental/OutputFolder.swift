import DuetRender
import DuetSource
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Updates an existing output folder in place, file by file: each file is written beside its
/// target and renamed over it, so a reader (the preview server, a deploy tool) sees the old page or
/// the new one, never half of one. Untouched files keep their modification time.
struct OutputFolder {
    var root: URL
    /// `root`'s path with a trailing slash: a stamp per output is taken on every build, and
    /// Foundation's `appendingPathComponent` cost more than the `stat` itself.
    private let prefix: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        prefix = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
    }

    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return regularFile(info)
    }

    /// `relative` inside the open folder `root`; nil when that is not open, or not a regular file there.
    static func stamp(of relative: String, in root: Int32) -> FileStamp? {
        guard root >= 0, !relative.hasPrefix("/") else { return nil }
        var info = stat()
        guard fstatat(root, relative, &info, 0) == 0 else { return nil }
        return regularFile(info)
    }

    private static func regularFile(_ info: stat) -> FileStamp? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    func stamp(of relative: String) -> FileStamp? {
        Self.stamp(of: relative.hasPrefix("/") ? prefix + relative.dropFirst() : prefix + relative)
    }

    func replace(_ file: OutputFile) throws(BuildError) -> FileStamp {
        let target = try DiskStore.confined(file.path, in: root)
        return try replacing(target) { temporary in try DiskStore.write(file, to: temporary) }
    }

    func copy(_ file: StaticFile) throws(BuildError) -> FileStamp {
        let target = try DiskStore.confined(file.outputPath, in: root)
        return try replacing(target) { temporary in try FileManager.default.copyItem(atPath: file.url.path, toPath: temporary) }
    }

    /// Removes a file the new site no longer has, and the folders it leaves empty.
    func remove(_ relative: String) throws(BuildError) {
        let target = try DiskStore.confined(relative, in: root)
        if unlink(target.path) != 0, errno != ENOENT {
            throw .writeFailed(path: target.path, reason: String(cString: strerror(errno)))
        }
        var folder = target.deletingLastPathComponent()
        while folder.path.hasPrefix(root.path + "/"), rmdir(folder.path) == 0 {
            folder = folder.deletingLastPathComponent()
        }
    }

    private func replacing(_ target: URL, _ write: (String) throws -> Void) throws(BuildError) -> FileStamp {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).duet-\(getpid())").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            unlink(temporary)
            try write(temporary)
            guard rename(temporary, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw .writeFailed(path: target.path, reason: error.localizedDescription)
        }
        guard let stamp = Self.stamp(of: target.path) else {
            throw .writeFailed(path: target.path, reason: "the file vanished after it was written")
        }
        return stamp
    }
}
