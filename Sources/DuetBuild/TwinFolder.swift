import Dispatch
import DuetModel
import DuetRender
import DuetSource
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A second output folder in the cache directory, made of hard links to the output folder's own
/// files. An incremental build writes only what changed into it, then swaps it with the output
/// folder in one `renameat2(RENAME_EXCHANGE)`: the site is replaced whole (a killed build leaves
/// the old site or the new), yet the build costs what changed, not one link per file of the site.
/// After the swap, the folder it got back (the old site) has the changed files linked in and the
/// removed ones taken out, and is the next build's twin.
///
/// Its state file says the twin held the output folder's very files, and no other, when the last
/// build ended: the next build then writes into it without surveying it. It is removed before the
/// twin is touched, so a build killed half-way leaves a twin that the next build surveys and links
/// afresh. An output file changed since (by hand, or by the preview, which writes in place) has a
/// new stamp, so it is rendered again, never carried from the twin. Files added to the site by hand
/// are in the old site the swap hands back: its survey, made while the cache is saved, finds them.
struct TwinFolder: Sendable {
    let path: String

    /// How one path of the new site is made in the folder being arranged.
    enum Entry: Sendable {
        /// Already the right file: counts as wanted, nothing done.
        case keep(String)
        /// The output folder's file of that path, linked.
        case link(String)
        case rendered(OutputFile)
        case copied(StaticFile)

        var path: String {
            switch self {
            case .keep(let path), .link(let path): path
            case .rendered(let file): file.path
            case .copied(let file): file.outputPath
            }
        }
    }

    /// What the write phase starts from: the twin's survey, and whether it holds the output
    /// folder's very files (then an unchanged file is left as it is). `exact`: it holds those and
    /// no other, as the last build left it (not surveyed: nothing needs finding).
    struct Ready: Sendable {
        var survey: FolderSurvey?
        var mirrors: Bool
        var exact = false
    }

    /// The twin made ready on another core while this one loads and plans: surveyed, and, when the
    /// last build did not leave it holding the output folder's files (after a full build, a killed
    /// one, a preview, or none yet), linked to mirror the output folder as it stands.
    final class Preparation: Sendable {
        private let group = DispatchGroup()
        private let result = Mutex<Ready>(Ready(survey: nil, mirrors: false))
        private let stopped = Mutex(false)

        init(_ twin: TwinFolder, output: String) {
            DispatchQueue.global().async(group: group) {
                let ready = twin.prepare(output: output, stop: { self.stopped.withLock { $0 } })
                self.result.withLock { $0 = ready }
            }
        }

        /// The build does not write through the twin: the mirroring stops where it is.
        func cancel() { stopped.withLock { $0 = true } }

        var value: Ready {
            group.wait()
            return result.withLock { $0 }
        }
    }

    func prepare(output: String, stop: @escaping @Sendable () -> Bool = { false }) -> Ready {
        if isInSync(with: output) { return Ready(survey: nil, mirrors: true, exact: true) }
        markUnsure()
        let old = FolderSurvey.of(path)
        guard let live = FolderSurvey.of(output) else { return Ready(survey: old, mirrors: false) }
        guard Self.mirror(live, of: output, into: path, over: old, stop: stop) else {
            return Ready(survey: FolderSurvey.of(path), mirrors: false)
        }
        return Ready(survey: live, mirrors: true)
    }

    /// Work left after the swap, done while the cache is saved: a full build's removal of the
    /// previous site and linking of the twin, an incremental one's bringing of the old site to the new.
    typealias Pending = SpareCoreTask<Void>

    /// True when the twin can be swapped with `output`: both on one file system. Makes the cache
    /// directory that holds the twin, as a first build has none yet.
    func canSwap(with output: String) -> Bool {
        var folder = stat(), other = stat(), made: Set<String> = []
        let parent = (path as NSString).deletingLastPathComponent
        try? FileSteps.makeParent(of: path, made: &made)
        guard stat(parent.isEmpty ? "." : parent, &folder) == 0, stat(output, &other) == 0 else { return false }
        return folder.st_dev == other.st_dev
    }

    // MARK: The state file

    private var statePath: String { path + ".state" }

    /// The two folders' identities: another output folder (restored by hand, say) is another pair.
    private func identity(with output: String) -> String? {
        var live = stat(), twin = stat()
        guard stat(output, &live) == 0, stat(path, &twin) == 0 else { return nil }
        return "\(live.st_dev) \(live.st_ino) \(twin.st_ino)\n"
    }

    /// Whether the last build left the twin holding `output`'s very files.
    func isInSync(with output: String) -> Bool {
        guard let identity = identity(with: output), let data = FileManager.default.contents(atPath: statePath) else { return false }
        return String(decoding: data, as: UTF8.self) == identity
    }

    func markUnsure() { unlink(statePath) }

    /// Made afresh of links to `paths` of `output` (every file of a site just written whole),
    /// and marked as holding its very files; left unsure when a link could not be made.
    /// Makes the old site the swap handed back hold the new one, given `expected`, the number of
    /// files the new one has: `written` linked, `removed` taken out, and, when its survey finds
    /// more files than that (added to the old site by hand), the others removed.
    func catchUp(written: [String], removed: [String], expected: Int, wanted: @Sendable () -> Set<String>, of output: String) {
        guard (try? Self.make(written.map(Entry.link), in: path, source: output, holding: .unknown)) != nil else { return }
        Self.remove(removed, from: path)
        guard let survey = FolderSurvey.of(path) else { return }
        if survey.fileCount != expected {
            let wanted = wanted()
            let table = survey.table
            let extra = table.entries.indices.filter { !table.entries[$0].isFolder && !wanted.contains(table.path(at: $0)) }
            Self.remove(extra.map { table.path(at: $0) }, from: path)
            guard FolderSurvey.of(path)?.fileCount == expected else { return }
        }
        markInSync(with: output)
    }

    func link(_ paths: [String], of output: String) {
        markUnsure()
        guard (try? Self.arrange(path, survey: nil, entries: paths.map(Entry.link), source: output)) != nil else { return }
        markInSync(with: output)
    }

    func markInSync(with output: String) {
        guard let identity = identity(with: output) else { return }
        CacheFile.write(Array(identity.utf8), to: statePath)
    }
}

extension CacheFile {
    /// Beside the cache, on the output folder's file system (the cache directory is its sibling).
    var twin: TwinFolder { TwinFolder(path: url.deletingPathExtension().appendingPathExtension("twin").path) }
}
