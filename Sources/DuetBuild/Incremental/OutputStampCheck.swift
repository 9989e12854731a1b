import Dispatch
import Synchronization

/// Which of the last build's outputs were changed or removed by hand since it wrote them: a
/// `stat` per output (10,000 at 2,000 articles), taken on a spare core while the site is parsed,
/// graphed and planned, so the selection of stale outputs only looks the answer up.
final class OutputStampCheck: Sendable {
    private let changed = Mutex<Set<String>>([])
    private let done = DispatchSemaphore(value: 0)

    init(previous: BuildCache, folder: OutputFolder) {
        let outputs = previous.outputs
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var found: Set<String> = []
            for (path, record) in outputs where folder.stamp(of: path) != record.stamp { found.insert(path) }
            self.changed.withLock { $0 = found }
            self.done.signal()
        }
    }

    /// The paths whose file is not the one the record describes (waits for the check once).
    var changedPaths: Set<String> {
        done.wait()
        done.signal()
        return changed.withLock { $0 }
    }
}
