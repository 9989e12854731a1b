#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, enough to tell that it has not changed since it was last read.
public struct SourceStamp: Hashable, Sendable {
    public var size: Int
    /// Nanoseconds since the epoch.
    public var modified: Int
    public var inode: UInt64

    /// A file modified within this many nanoseconds of a build's start may have changed again in
    /// the same tick of the file system's clock (git's "racy clean" files): it is read again.
    public static let racyWindow = 2_000_000_000

    public init(size: Int, modified: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// Nil when the file cannot be stat'ed (it is then read, and the read reports why).
    public static func of(path: String) -> SourceStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return SourceStamp(size: Int(info.st_size),
                           modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                           inode: UInt64(info.st_ino))
    }
}
