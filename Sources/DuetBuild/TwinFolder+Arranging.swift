import DuetModel
import DuetRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TwinFolder {
    /// What a folder to be arranged is known to hold. It decides what is removed and made before
    /// each write, never whether the write is right: a write that fails for what is in its way
    /// (a file the survey did not see, a missing folder) clears the way and is made once more.
    enum Holding: Sendable {
        /// A folder made empty for this write.
        case nothing
        /// As its survey found it.
        case surveyed(FolderSurvey)
        /// Not surveyed: every target is unlinked first, every folder made.
        case unknown
    }

    /// Makes `folder` hold exactly `entries`, given what its `survey` found (nil: a folder to make
    /// afresh): files of no entry are removed, and so are folders that no entry is under. With
    /// `keepingPresent`, a `.link` entry whose path the survey found is left as it is (the folder
    /// is known to hold the source's very files). All but the removals runs on every core.
    static func arrange(_ folder: String, survey: FolderSurvey?, entries: [Entry], source: String,
                        keepingPresent: Bool = false, stop: (@Sendable () -> Bool)? = nil) throws(BuildError) {
        guard let survey else {
            FileSteps.removeTree(folder)
            var made: Set<String> = []
            do { try FileSteps.makeParent(of: folder + "/.", made: &made) } catch { throw .writeFailed(path: folder, reason: error.localizedDescription) }
            try make(entries, in: folder, source: source, holding: .nothing, stop: stop)
            return
        }
        let table = survey.table
        var entries = entries
        var claimed = [Bool](repeating: false, count: table.count)
        var present = 0
        for index in entries.indices {
            guard let found = table.index(of: entries[index].path), !table.entries[found].isFolder else { continue }
            if !claimed[found] { present += 1 }
            claimed[found] = true
            if keepingPresent, case .link(let path) = entries[index] { entries[index] = .keep(path) }
        }
        // Every file found is an entry's unless fewer entries were found than files. Only then can
        // a folder be left with nothing of the site in it (a folder in the way of a file is
        // removed by `make`).
        if present < survey.fileCount {
            let extra = table.entries.indices.filter { !table.entries[$0].isFolder && !claimed[$0] }
            _ = ParallelMap.map(FileSteps.chunks(extra)) { indices in
                var target = RootedPath(folder)
                for index in indices { table.withPath(at: index) { path in _ = target.with(path) { unlink($0) } } }
            }
            var needed = [Bool](repeating: false, count: table.count)
            for entry in entries {
                var path = entry.path
                path.withUTF8 { bytes in
                    var end = bytes.count
                    while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                        end = slash
                        guard let found = table.index(of: UnsafeBufferPointer(rebasing: bytes[..<end])) else { continue }
                        if needed[found] { break }
                        needed[found] = true
                    }
                }
            }
            var target = RootedPath(folder)
            for index in table.entries.indices.reversed() where table.entries[index].isFolder && !needed[index] {
                table.withPath(at: index) { path in
                    target.with(path) { if rmdir($0) != 0, errno != ENOENT { FileSteps.removeTree(String(cString: $0)) } }
                }
            }
        }
        try make(entries, in: folder, source: source, holding: .surveyed(survey), stop: stop)
    }

    /// Writes or links `entries` into `folder`, replacing what is there, on every core. The
    /// folders they need and `holding` lacks are made first, parents first, once each.
    static func make(_ entries: [Entry], in folder: String, source: String, holding: Holding,
                     stop: (@Sendable () -> Bool)? = nil) throws(BuildError) {
        let writes = entries.filter { if case .keep = $0 { false } else { true } }
        for entry in writes { try FileSteps.confine(entry.path) }
        if case .unknown = holding {} else { makeFolders(for: writes, in: folder, holding: holding) }
        let failures = ParallelMap.map(FileSteps.chunks(writes)) { chunk -> String? in
            var made: Set<String> = []
            for entry in chunk {
                if let stop, stop() { return "stopped" }
                let target = folder + "/" + entry.path
                do {
                    switch holding {
                    case .nothing: break
                    case .surveyed(let survey):
                        if let found = survey.table.index(of: entry.path) {
                            if survey.table.entries[found].isFolder { FileSteps.removeTree(target) } else { unlink(target) }
                        }
                    case .unknown:
                        if unlink(target) != 0, errno == EISDIR || errno == EPERM { FileSteps.removeTree(target) }
                        try FileSteps.makeParent(of: target, made: &made)
                    }
                    do {
                        try put(entry, at: target, source: source)
                    } catch {
                        if unlink(target) != 0, errno == EISDIR || errno == EPERM { FileSteps.removeTree(target) }
                        try FileSteps.makeParent(of: target, made: &made)
                        try put(entry, at: target, source: source)
                    }
                } catch {
                    return "\(target): \(error.localizedDescription)"
                }
            }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw .writeFailed(path: folder, reason: failure) }
    }

    /// A new file at `target` (never written through: a file there already is an error).
    private static func put(_ entry: Entry, at target: String, source: String) throws {
        switch entry {
        case .keep: break
        case .link(let path):
            guard FileSteps.link(source + "/" + path, to: target) else { throw FileSteps.posixError() }
        case .rendered(let file): try DiskStore.write(file, to: target)
        case .copied(let file): try FileManager.default.copyItem(atPath: file.url.path, toPath: target)
        }
    }

    /// The folders `entries` are in that `holding` does not have, made serially, parents first:
    /// one `mkdir` each, where a folder per chunk of every core made them again.
    private static func makeFolders(for entries: [Entry], in folder: String, holding: Holding) {
        var wanted = Set<Substring>()
        for entry in entries {
            var parent = Substring(entry.path)
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                if case .surveyed(let survey) = holding, survey.hasFolder(parent) { break }
                guard wanted.insert(parent).inserted else { break }
            }
        }
        for name in wanted.sorted(by: { $0.utf8.count < $1.utf8.count }) { mkdir(folder + "/" + name, 0o755) }
    }

    /// Removes `paths` from `folder`, and the folders that leaves empty.
    static func remove(_ paths: [String], from folder: String) {
        for path in paths where FileSteps.isConfined(path) {
            unlink(folder + "/" + path)
            var parent = Substring(path)
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                guard rmdir(folder + "/" + parent) == 0 else { break }
            }
        }
    }
}
