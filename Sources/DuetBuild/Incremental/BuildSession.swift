import DuetModel
import Foundation
import Synchronization

/// The build state a long-running process (`duet serve`) keeps between builds: the parse memo
/// and the record of the output folder, so a rebuild neither decodes a cache file nor parses a
/// file the watcher did not see change.
public final class BuildSession: Sendable {
    private struct State {
        var cache: BuildCache?
        var memo: ParseMemo?
        var registry: SitePipeline.Registry?
    }

    private let state = Mutex(State())

    public init() {}

    var cache: BuildCache? { state.withLock { $0.cache } }

    /// The issue and author files as last read: reused while their bytes are the same.
    var registry: SitePipeline.Registry? {
        get { state.withLock { $0.registry } }
        set { state.withLock { $0.registry = newValue } }
    }

    func nextMemo() -> ParseMemo? { state.withLock { $0.memo?.next() } }

    func finished(_ cache: BuildCache, memo: ParseMemo) {
        var cache = cache
        cache.readTable = cache.distinctReads
        state.withLock {
            $0.cache = cache
            $0.memo = memo
        }
    }
}
