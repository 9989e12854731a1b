import DuetModel
import Synchronization

/// Articles as listings show them, each made once per plan and shared by every page that lists
/// it, together with what making it read: a page that takes a view from here records those
/// reads as its own, so sharing never hides a dependency.
final class ListingCache: Sendable {
    private let entries = Mutex<[String: (view: DocumentView, reads: Set<Dependency>)]>([:])

    func view(of path: String, make: () -> DocumentView) -> DocumentView {
        if let entry = entries.withLock({ $0[path] }) {
            DependencyRecorder.current?.record(entry.reads)
            return entry.view
        }
        // Made outside the lock: two threads may both make it, and both get the same view.
        let recorder = DependencyRecorder()
        let view = recorder.recording { make() }
        let reads = recorder.dependencies
        entries.withLock { $0[path] = (view, reads) }
        return view
    }
}
