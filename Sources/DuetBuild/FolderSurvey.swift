import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file and folder under a root, read with `getdents64` alone: three system calls a folder,
/// where `readdir` makes six and a `stat` per file would make one per file. The names are taken
/// from the kernel's buffer as bytes into a `PathTable`; no string is made.
struct FolderSurvey: Sendable {
    /// Every entry under the root, the root itself not included, in the order read: a folder
    /// comes before everything in it.
    private(set) var table = PathTable()
    private(set) var fileCount = 0

    var folderCount: Int { table.count - fileCount }

    /// Nil when `root` is not a folder that can be read whole.
    static func of(_ root: String) -> FolderSurvey? {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var survey = FolderSurvey()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 15, alignment: 8)
        defer { buffer.deallocate() }
        var prefix: [UInt8] = []
        prefix.reserveCapacity(256)
        guard survey.read(descriptor, prefix: &prefix, buffer: buffer) else { return nil }
        return survey
    }

    /// The inode of the regular file (or anything else that is not a folder) at `path`.
    func inode(ofFile path: String) -> UInt64? {
        guard let index = table.index(of: path), !table.entries[index].isFolder else { return nil }
        return table.entries[index].inode
    }

    func hasFile(_ path: String) -> Bool { inode(ofFile: path) != nil }

    func hasFolder(_ path: Substring) -> Bool {
        var path = path
        return path.withUTF8 { path in table.index(of: path).map { table.entries[$0].isFolder } ?? false }
    }

    private typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    /// glibc has it since 2.30, but Swift's Glibc module does not declare it; without it, `readdir`.
    private static let getdents: GetDents? = dlsym(nil, "getdents64").map { unsafeBitCast($0, to: GetDents.self) }

    /// Reads one folder, whose path (with a trailing slash, or empty for the root) is `prefix`,
    /// and closes `descriptor`; false when it could not be read whole.
    private mutating func read(_ descriptor: Int32, prefix: inout [UInt8], buffer: UnsafeMutableRawBufferPointer) -> Bool {
        defer { close(descriptor) }
        let first = table.count
        let read = prefix.withUnsafeBufferPointer { prefix in
            Self.entries(of: descriptor, buffer: buffer) { name, type, inode in
                var isFolder = type == UInt8(DT_DIR)
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
                table.append(prefix: prefix, name: bytes, inode: inode, isFolder: isFolder)
                if !isFolder { fileCount += 1 }
            }
        }
        guard read else { return false }
        let parent = prefix.count
        for index in first..<table.count where table.entries[index].isFolder {
            // The child's prefix is its path and a slash; its name, NUL-terminated, opens it.
            table.withPath(at: index) { path in prefix.append(contentsOf: path[parent...]) }
            prefix.append(0)
            let child = prefix.withUnsafeBufferPointer { bytes in
                UnsafeRawPointer(bytes.baseAddress! + parent).withMemoryRebound(to: CChar.self, capacity: bytes.count - parent) {
                    openat(descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
            }
            prefix[prefix.count - 1] = UInt8(ascii: "/")
            guard child >= 0, self.read(child, prefix: &prefix, buffer: buffer) else { return false }
            prefix.removeSubrange(parent...)
        }
        return true
    }

    /// Calls `each` with the NUL-terminated name, the type and the inode of every entry but `.` and `..`.
    private static func entries(of descriptor: Int32, buffer: UnsafeMutableRawBufferPointer,
                                each: (UnsafePointer<CChar>, UInt8, UInt64) -> Void) -> Bool {
        guard let getdents else { return entriesByReaddir(of: descriptor, each) }
        while true {
            let count = getdents(descriptor, buffer.baseAddress, buffer.count)
            if count == 0 { return true }
            if count < 0 { return false }
            var offset = 0
            // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
            while offset < count {
                let record = buffer.baseAddress! + offset
                let inode = record.loadUnaligned(as: UInt64.self)
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = record.load(fromByteOffset: 18, as: UInt8.self)
                let name = UnsafePointer((record + 19).assumingMemoryBound(to: CChar.self))
                offset += length
                guard length > 0 else { return false }
                if isDots(name) { continue }
                each(name, type, inode)
            }
        }
    }

    private static func isDots(_ name: UnsafePointer<CChar>) -> Bool {
        name[0] == 46 && (name[1] == 0 || (name[1] == 46 && name[2] == 0))
    }

    private static func entriesByReaddir(of descriptor: Int32, _ each: (UnsafePointer<CChar>, UInt8, UInt64) -> Void) -> Bool {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return false }
        defer { closedir(stream) }
        while true {
            errno = 0
            guard let entry = readdir(stream) else { return errno == 0 }
            let type = entry.pointee.d_type, inode = UInt64(entry.pointee.d_ino)
            withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { name in
                    if !isDots(name) { each(name, type, inode) }
                }
            }
        }
    }
}
