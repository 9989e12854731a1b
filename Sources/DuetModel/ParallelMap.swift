import Dispatch
import Synchronization

/// `map` spread over every core, with results in input order, so the output of a parallel
/// phase never depends on how threads were scheduled.
public enum ParallelMap {
    public static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values
    }

    private final class Slots<Value: Sendable>: Sendable {
        private let storage: Mutex<[Value?]>

        init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

        func set(_ index: Int, _ value: Value) { storage.withLock { $0[index] = value } }

        var values: [Value] { storage.withLock { $0.compactMap { $0 } } }
    }
}
