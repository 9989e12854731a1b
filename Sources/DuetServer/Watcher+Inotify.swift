#if canImport(Glibc)
import Foundation
import Glibc

/// One inotify descriptor watching a set of folders and all their subfolders. inotify is not
/// recursive: every folder needs its own watch, and a folder created later (`mkdir -p a/b` and
/// files written into it at once) is watched, and its files reported, as soon as it appears.
struct InotifyTree {
    // The kernel ABI's values (linux/inotify.h), spelled out so no C macro import is needed.
    private static let modify: UInt32 = 0x0000_0002
    private static let attrib: UInt32 = 0x0000_0004
    private static let closeWrite: UInt32 = 0x0000_0008
    private static let movedFrom: UInt32 = 0x0000_0040
    private static let movedTo: UInt32 = 0x0000_0080
    private static let create: UInt32 = 0x0000_0100
    private static let delete: UInt32 = 0x0000_0200
    private static let deleteSelf: UInt32 = 0x0000_0400
    private static let moveSelf: UInt32 = 0x0000_0800
    private static let overflow: UInt32 = 0x0000_4000
    private static let ignored: UInt32 = 0x0000_8000
    private static let onlyDir: UInt32 = 0x0100_0000
    private static let dontFollow: UInt32 = 0x0200_0000
    private static let isDir: UInt32 = 0x4000_0000
    private static let nonBlock: Int32 = 0o4000
    private static let closeOnExec: Int32 = 0o2000000

    private static let mask = modify | attrib | closeWrite | movedFrom | movedTo | create | delete
        | deleteSelf | moveSelf | onlyDir | dontFollow

    private(set) var fd: Int32 = -1
    private var folders: [Int32: String] = [:]
    private var roots: [String] = []

    /// Nil when every folder is watched; otherwise why inotify cannot be used.
    mutating func open(roots: [String]) -> String? {
        self.roots = roots
        fd = inotify_init1(Self.nonBlock | Self.closeOnExec)
        guard fd >= 0 else { return "inotify_init1 failed: \(String(cString: strerror(errno)))" }
        do {
            for root in roots { _ = try watch(root) }
        } catch {
            return error.reason
        }
        return nil
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
    }

    struct WatchError: Error {
        var reason: String
    }

    /// Watches `folder` and every folder below it; returns the files found there.
    private mutating func watch(_ folder: String) throws(WatchError) -> [String] {
        let wd = inotify_add_watch(fd, folder, Self.mask)
        if wd < 0 {
            if errno == ENOSPC {
                throw WatchError(reason: "out of inotify watches (raise fs.inotify.max_user_watches)")
            }
            return []  // the folder went away meanwhile, or is not a folder
        }
        folders[wd] = folder
        var files: [String] = []
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in entries where !Watcher.isIgnored(name) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                files += try watch(path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// The paths named by a buffer of events (read from `fd`), adding watches for new folders.
    mutating func changes(in bytes: ArraySlice<UInt8>, isIgnored: (String) -> Bool) -> Set<String> {
        var changes: Set<String> = []
        let header = 16  // wd, mask, cookie, len
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + header <= raw.count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length

                if mask & Self.overflow != 0 {
                    changes.formUnion(roots)  // events were lost: everything may have changed
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if mask & Self.ignored != 0 {
                    folders[wd] = nil
                    continue
                }
                if name.isEmpty {
                    changes.insert(folder)
                    continue
                }
                if isIgnored(name) { continue }
                let path = folder + "/" + name
                changes.insert(path)
                if mask & Self.isDir != 0, mask & (Self.create | Self.movedTo) != 0 {
                    changes.formUnion((try? watch(path)) ?? [])
                }
            }
        }
        return changes
    }
}
#else
/// inotify is Linux only; elsewhere the watcher polls.
struct InotifyTree {}
#endif
