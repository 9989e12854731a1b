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
    }

    private let state = Mutex(State())

    public init() {}

    var cache: BuildCache? { state.withLock { $0.cache } }

    func memo(config: Data?) -> ParseMemo? { state.withLock { $0.memo?.next(config: config) } }

    func finished(_ cache: BuildCache, memo: ParseMemo) {
        state.withLock { $0 = State(cache: cache, memo: memo) }
    }
}
