import DuetModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write phase's system calls on plain path strings. Foundation's `URL` and `FileManager`
/// cost tens of microseconds per file in path handling alone, which over ten thousand outputs
/// was most of an incremental build's write phase.
enum FileSteps {
    /// A path the plan may write: relative, and with no empty, `.` or `..` part, so joined to a root
    /// it can never leave it. The route checks refuse such paths already; this is the last line.
    static func isConfined(_ relative: String) -> Bool {
        var relative = relative
        return relative.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return false }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let length = index - start
                if length == 0 { return false }
                if bytes[start] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: ".")) { return false }
                start = index + 1
            }
            return true
        }
    }

    /// `isConfined`, or the error every writer reports for a path that would leave the output folder.
    static func confine(_ relative: String) throws(BuildError) {
        guard isConfined(relative) else { throw .unsafeOutput(path: relative, reason: "the path leaves the output folder") }
    }

    /// Writes all of `bytes` to an open file, again after an interrupted call; the `errno` of a
    /// failure, or nil.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    /// Makes the folder that holds `path` (and the ones above it), remembering what it made so a
    /// folder of many files costs one call. Another thread making the same folder is no error.
    static func makeParent(of path: String, made: inout Set<String>) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(path[..<slash])
        guard !folder.isEmpty, !made.contains(folder) else { return }
        if mkdir(folder, 0o755) != 0 {
            switch errno {
            case EEXIST: break
            case ENOENT:
                try makeParent(of: folder, made: &made)
                if mkdir(folder, 0o755) != 0, errno != EEXIST { throw posixError() }
            default: throw posixError()
            }
        }
        made.insert(folder)
    }

    /// `target` becomes another name of `source`'s file (or a copy, where links are refused); false,
    /// with `errno` set, when neither could be made (a file already at `target` is `EEXIST`).
    static func link(_ source: UnsafePointer<CChar>, to target: UnsafePointer<CChar>) -> Bool {
        if Glibc.link(source, target) == 0 { return true }
        guard errno == EPERM || errno == EXDEV || errno == EMLINK || errno == ENOTSUP else { return false }
        do {
            try FileManager.default.copyItem(atPath: String(cString: source), toPath: String(cString: target))
            return true
        } catch {
            errno = EIO
            return false
        }
    }

    /// Removes a whole tree; what cannot be removed stays (a leftover costs space, never a build).
    static func removeTree(_ path: String) {
        guard let survey = FolderSurvey.of(path) else {
            unlink(path)
            return
        }
        let table = survey.table
        let files = table.entries.indices.filter { !table.entries[$0].isFolder }
        _ = ParallelMap.map(chunks(files)) { indices in
            var target = RootedPath(path)
            for index in indices { table.withPath(at: index) { name in _ = target.with(name) { unlink($0) } } }
        }
        // Deepest first: the survey lists a folder before what is in it.
        var target = RootedPath(path)
        for index in table.entries.indices.reversed() where table.entries[index].isFolder {
            table.withPath(at: index) { name in _ = target.with(name) { rmdir($0) } }
        }
        rmdir(path)
    }

    /// Work for every core, in a few large pieces: one task per file would cost more in
    /// scheduling than a `link` does.
    static func chunks<Item: Sendable>(_ items: [Item]) -> [[Item]] {
        let count = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard count > 1 else { return items.isEmpty ? [] : [items] }
        let size = (items.count + count - 1) / count
        return stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    static func posixError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
