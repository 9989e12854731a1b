import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of the site, read whole through a single open descriptor: what is sent is exactly
/// the file that was opened, even if a rebuild swaps the site folder a moment later.
struct SiteFile: Sendable {
    var data: Data
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    var inode: UInt64

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        inode = UInt64(info.st_ino)
        let size = Int(info.st_size)
        var buffer = Data(count: size)
        var total = 0
        let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return size == 0 }
            while total < size {
                let count = read(fd, base + total, size - total)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                total += count
            }
            return true
        }
        guard ok else { return nil }
        data = buffer
    }

    /// Strong validator from inode, nanosecond mtime and size: a rebuild writes new files, so a
    /// page rebuilt within the same second still gets a new tag (FlyingFox's seconds-based tag would not).
    func eTag(variant: String = "") -> String {
        "\"\(String(inode, radix: 16))-\(String(modified, radix: 16))-\(String(data.count, radix: 16))\(variant)\""
    }

    var lastModified: Date { Date(timeIntervalSince1970: TimeInterval(modified / 1_000_000_000)) }
}
