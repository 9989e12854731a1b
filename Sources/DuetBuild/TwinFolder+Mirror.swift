import DuetModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TwinFolder {
    /// Makes `folder` hold `source`'s very files, as hard links, given both surveys (`old`: nil
    /// when `folder` cannot be read): what `source` lacks is removed, the folders it has are
    /// made parents first and only where missing, and a file is linked unless `folder` already
    /// holds that inode, with one `unlink` before where it held another. On bytes throughout.
    /// False when it could not, or was stopped: then the folder is unsure and surveyed again.
    static func mirror(_ live: FolderSurvey, of source: String, into folder: String, over old: FolderSurvey?,
                       stop: @escaping @Sendable () -> Bool) -> Bool {
        let table = live.table
        var twin = RootedPath(folder)
        if let old {
            let stale = old.table
            for index in stale.entries.indices where !stale.entries[index].isFolder {
                if let match = table.index(of: stale, at: index), !table.entries[match].isFolder { continue }
                stale.withPath(at: index) { path in _ = twin.with(path) { unlink($0) } }
            }
            // Deepest first: the survey lists a folder before what is in it.
            for index in stale.entries.indices.reversed() where stale.entries[index].isFolder {
                if let match = table.index(of: stale, at: index), table.entries[match].isFolder { continue }
                stale.withPath(at: index) { path in
                    twin.with(path) { if rmdir($0) != 0, errno != ENOENT { FileSteps.removeTree(String(cString: $0)) } }
                }
            }
        } else {
            FileSteps.removeTree(folder)
            var made: Set<String> = []
            guard (try? FileSteps.makeParent(of: folder + "/.", made: &made)) != nil else { return false }
        }
        for index in table.entries.indices where table.entries[index].isFolder {
            if let old, let match = old.table.index(of: table, at: index), old.table.entries[match].isFolder { continue }
            let made = table.withPath(at: index) { path in twin.with(path) { mkdir($0, 0o755) == 0 || errno == EEXIST } }
            guard made else { return false }
        }
        let files = table.entries.indices.filter { !table.entries[$0].isFolder }
        let done = ParallelMap.map(FileSteps.chunks(files)) { chunk -> Bool in
            var target = RootedPath(folder), origin = RootedPath(source), made: Set<String> = []
            for index in chunk {
                if stop() { return false }
                var replaces = false
                if let old, let match = old.table.index(of: table, at: index) {
                    if old.table.entries[match].inode == table.entries[index].inode { continue }
                    replaces = true
                }
                let linked = table.withPath(at: index) { path in
                    target.with(path) { target in
                        if replaces { unlink(target) }
                        return origin.with(path) { origin in
                            if FileSteps.link(origin, to: target) { return true }
                            // The twin changed since its survey: a file in the way, a folder gone.
                            switch errno {
                            case EEXIST: guard unlink(target) == 0 else { return false }
                            case ENOENT: guard (try? FileSteps.makeParent(of: String(cString: target), made: &made)) != nil else { return false }
                            default: return false
                            }
                            return FileSteps.link(origin, to: target)
                        }
                    }
                }
                guard linked else { return false }
            }
            return true
        }
        return !done.contains(false)
    }
}
