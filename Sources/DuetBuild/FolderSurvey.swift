import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file and folder under a root, read with `getdents64` alone: three system calls a folder,
/// where `readdir` makes six and a `stat` per file would make one per file.
struct FolderSurvey: Sendable {
    /// Relative path -> inode, for every regular file (and anything else that is not a folder).
    var files: [String: UInt64] = [:]
    /// Relative paths of the folders under the root, the root itself not included.
    var folders: Set<String> = []

    /// Nil when `root` is not a folder that can be read whole.
    static func of(_ root: String) -> FolderSurvey? {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var survey = FolderSurvey()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 15, alignment: 8)
        defer { buffer.deallocate() }
        guard survey.read(descriptor, prefix: "", buffer: buffer) else { return nil }
        return survey
    }

    private typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    /// glibc has it since 2.30, but Swift's Glibc module does not declare it; without it, `readdir`.
    private static let getdents: GetDents? = dlsym(nil, "getdents64").map { unsafeBitCast($0, to: GetDents.self) }

    /// Reads one folder (and closes `descriptor`); false when it could not be read whole.
    private mutating func read(_ descriptor: Int32, prefix: String, buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var subfolders: [String] = []
        guard Self.entries(of: descriptor, buffer: buffer, each: { name, type in
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            return isFolder
        }, file: { name, inode in files[prefix + name] = inode }, folder: { subfolders.append($0) }) else {
            close(descriptor)
            return false
        }
        defer { close(descriptor) }
        for name in subfolders {
            let path = prefix + name
            folders.insert(path)
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0, read(child, prefix: path + "/", buffer: buffer) else { return false }
        }
        return true
    }

    /// Calls `file` or `folder` for every entry but `.` and `..`.
    private static func entries(of descriptor: Int32, buffer: UnsafeMutableRawBufferPointer,
                         each isFolder: (String, UInt8) -> Bool, file: (String, UInt64) -> Void, folder: (String) -> Void) -> Bool {
        guard let getdents else { return entriesByReaddir(of: descriptor, isFolder, file, folder) }
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
                let namePointer = (record + 19).assumingMemoryBound(to: CChar.self)
                offset += length
                guard length > 0 else { return false }
                let nameLength = strlen(namePointer)
                if namePointer[0] == 46, nameLength == 1 || (nameLength == 2 && namePointer[1] == 46) { continue }
                let name = String(decoding: UnsafeRawBufferPointer(start: namePointer, count: nameLength), as: UTF8.self)
                if isFolder(name, type) { folder(name) } else { file(name, inode) }
            }
        }
    }

    private static func entriesByReaddir(of descriptor: Int32, _ isFolder: (String, UInt8) -> Bool,
                                  _ file: (String, UInt64) -> Void, _ folder: (String) -> Void) -> Bool {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return false }
        defer { closedir(stream) }
        while true {
            errno = 0
            guard let entry = readdir(stream) else { return errno == 0 }
            let (name, type, inode) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), entry.pointee.d_type, UInt64(entry.pointee.d_ino)) }
            }
            if name == "." || name == ".." { continue }
            if isFolder(name, type) { folder(name) } else { file(name, inode) }
        }
    }
}
