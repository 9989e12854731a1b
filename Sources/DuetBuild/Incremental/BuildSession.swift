import DuetModel
import DuetRender
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
        var last: LastBuild?
        var searchRecords: SearchRecords?
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

    /// The memo of the last build itself, for an edit applied on top of it.
    var memo: ParseMemo? { state.withLock { $0.memo } }

    /// The last build's model and plan, while nothing has failed since: an edit is applied to them.
    var last: LastBuild? { state.withLock { $0.last } }

    /// Gives a new plan's search records (`SitePlan.searchRecords`) those of the session's last
    /// plan, so that a whole build (a title saved, a file added) tokenizes only the bodies it has
    /// not seen; an edit applied to the last plan keeps its records as they are.
    func carrySearchRecords(into records: SearchRecords) {
        let previous = state.withLock { state in
            defer { state.searchRecords = records }
            return state.searchRecords
        }
        guard let previous, previous !== records else { return }
        records.load { previous.records }
    }

    /// A build that does not finish must not leave a model that the next edit would patch.
    func forgetLastBuild() { state.withLock { $0.last = nil } }

    func finished(_ cache: BuildCache, memo: ParseMemo, last: LastBuild? = nil) {
        state.withLock {
            $0.cache = cache
            $0.memo = memo
            $0.last = last
        }
    }
}
