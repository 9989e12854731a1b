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
/// Its state file says the twin held the output folder's very files when the last build ended. It
/// is removed before the twin is touched, so a build killed half-way leaves a twin that the next
/// build links afresh. An output file changed since (by hand, or by the preview, which writes in
/// place) has a new stamp, so it is rendered again, never carried from the twin. Anything else in
/// the twin (files added to the old site by hand) is found by its survey and removed.
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
    /// folder's very files (then an unchanged file is left as it is).
    struct Ready: Sendable {
        var survey: FolderSurvey?
        var mirrors: Bool
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
        if isInSync(with: output) { return Ready(survey: FolderSurvey.of(path), mirrors: true) }
        markUnsure()
        let old = FolderSurvey.of(path)
        guard let live = FolderSurvey.of(output) else { return Ready(survey: old, mirrors: false) }
        guard Self.mirror(live, of: output, into: path, over: old, stop: stop) else {
            return Ready(survey: FolderSurvey.of(path), mirrors: false)
        }
        return Ready(survey: live, mirrors: true)
    }

    /// Work left after the swap, done while the cache is saved (a full build's removal of the previous site).
    final class Pending: Sendable {
        private let group = DispatchGroup()

        init(_ work: @escaping @Sendable () -> Void) { DispatchQueue.global().async(group: group, execute: work) }

        func wait() { group.wait() }
    }

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
