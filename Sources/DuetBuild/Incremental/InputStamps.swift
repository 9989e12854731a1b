import DuetModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One digest of every file a build can read: the path, size, modification time and inode of
/// each file under the content and theme folders, found with `readdir` and `fstatat` alone (no
/// file is opened). Equal digests mean no input was touched since (make's and ninja's question);
/// `newest` lets the caller refuse a file modified too close to the moment it was stamped.
struct InputStamps: Equatable {
    var digest: UInt64
    /// The latest modification time seen, in nanoseconds since 1970.
    var newest: Int

    /// - Parameter skipping: folders (absolute, standardized) not to enter: the output and the cache.
    static func of(roots: [String], skipping: Set<String>) -> InputStamps {
        var digest = StableDigest()
        var newest = 0
        for root in roots {
            let path = URL(fileURLWithPath: root).standardizedFileURL.path
            digest.combine(path)
            walk(path, relative: "", skipping: skipping, into: &digest, newest: &newest)
        }
        return InputStamps(digest: digest.value, newest: newest)
    }

    private static func walk(_ folder: String, relative: String, skipping: Set<String>,
                             into digest: inout StableDigest, newest: inout Int) {
        guard !skipping.contains(folder), let handle = opendir(folder) else {
            digest.combine("\u{0}unreadable:\(relative)")
            return
        }
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        for name in names.sorted() {
            var info = stat()
            guard fstatat(descriptor, name, &info, 0) == 0 else {
                digest.combine("\u{0}vanished:\(relative)\(name)")
                continue
            }
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            if (info.st_mode & S_IFMT) == S_IFDIR {
                digest.combine("d:\(relative)\(name)")
                walk(folder + "/" + name, relative: relative + name + "/", skipping: skipping, into: &digest, newest: &newest)
                continue
            }
            digest.combine("f:\(relative)\(name)")
            digest.combine(UInt64(truncatingIfNeeded: info.st_size))
            digest.combine(UInt64(bitPattern: Int64(modified)))
            digest.combine(UInt64(truncatingIfNeeded: info.st_ino))
            newest = max(newest, modified)
        }
    }
}
