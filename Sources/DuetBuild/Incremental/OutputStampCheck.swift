#if canImport(Glibc)
import Glibc
#endif

/// Which of the last build's outputs were changed or removed by hand since it wrote them: a
/// `stat` per output (10,000 at 2,000 articles), taken on a spare core while the site is graphed
/// and planned, so the selection of stale outputs only looks the answer up.
final class OutputStampCheck: Sendable {
    private let check: SpareCoreTask<Set<String>>

    init(previous: BuildCache, folder: OutputFolder) {
        let outputs = previous.outputs
        check = SpareCoreTask {
            var found: Set<String> = []
            // Relative to the open folder: the kernel walks only the output's own path.
            let root = open(folder.root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            for (path, record) in outputs {
                let stamp = root >= 0 ? OutputFolder.stamp(of: path, in: root) : folder.stamp(of: path)
                if stamp != record.stamp { found.insert(path) }
            }
            if root >= 0 { close(root) }
            return found
        }
    }

    /// The paths whose file is not the one the record describes (waits for the check once).
    var changedPaths: Set<String> { check.value }
}
