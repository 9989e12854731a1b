import Foundation

/// The open connections: how many there are (for the cap), and when each must have made
/// progress. One sweeper cancels the task of every connection past its deadline, instead of a
/// timer per read, so 2,000 idle clients cost 2,000 entries and no more.
final class ConnectionTable: @unchecked Sendable {
    private struct Entry {
        var task: Task<Void, Never>?
        var deadline: ContinuousClock.Instant?
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    var count: Int { lock.withLock { entries.count } }

    /// A place for one more connection, or nil when the table is full.
    func admit(deadline: ContinuousClock.Instant) -> Int? {
        lock.withLock {
            guard entries.count < capacity else { return nil }
            nextID += 1
            entries[nextID] = Entry(task: nil, deadline: deadline)
            return nextID
        }
    }

    /// The task serving connection `id`; cancelled at once if the connection already ended.
    func attach(_ id: Int, task: Task<Void, Never>) {
        let gone = lock.withLock { () -> Bool in
            guard entries[id] != nil else { return true }
            entries[id]?.task = task
            return false
        }
        if gone { task.cancel() }
    }

    /// nil: no deadline (a request being answered, a live-reload stream between events).
    func setDeadline(_ id: Int, _ deadline: ContinuousClock.Instant?) {
        lock.withLock { entries[id]?.deadline = deadline }
    }

    func remove(_ id: Int) {
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }

    /// Cancels every connection whose deadline has passed; its task closes the socket.
    func expire(now: ContinuousClock.Instant) {
        let late = lock.withLock { () -> [Task<Void, Never>] in
            var late: [Task<Void, Never>] = []
            for (id, entry) in entries {
                guard let deadline = entry.deadline, deadline <= now, let task = entry.task else { continue }
                late.append(task)
                entries[id]?.deadline = nil
            }
            return late
        }
        for task in late { task.cancel() }
    }

    /// Every connection's task, cancelled (the server is stopping).
    func cancelAll() -> [Task<Void, Never>] {
        let tasks = lock.withLock { entries.values.compactMap(\.task) }
        for task in tasks { task.cancel() }
        return tasks
    }
}
