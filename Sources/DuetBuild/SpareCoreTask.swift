import Dispatch
import Synchronization

/// Work that needs nothing from the build's main line, started on a spare core at once and
/// waited for only where its answer is used: on two cores the main line is one of them, and
/// what it would otherwise do in turn (read a store, write one) overlaps with what it does anyway.
final class SpareCoreTask<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The work's answer (waits for it the first time).
    var value: Value {
        done.wait()
        done.signal()
        // Set before the signal, and never taken away.
        return result.withLock { $0.unsafelyUnwrapped }
    }
}

extension SpareCoreTask where Value == Void {
    /// Waits for the work to end.
    func wait() { _ = value }
}
