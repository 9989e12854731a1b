import DuetModel
import Synchronization

/// Every distinct read the outputs' records name, each once, numbered: a record is a flat list
/// of (number, digest), so checking it is array indexing, not hashing of reads with string
/// payloads (there are some 300,000 reads behind 10,000 outputs at 2,000 articles, but only a
/// few tens of thousands distinct ones).
///
/// Numbers only ever get added, so a record stays meaningful while the table grows: the table
/// the last build saved is the prefix of this build's, and a preview session shares one table
/// between its builds. Reads no longer used are dropped when the cache is written
/// (`BuildCache.encoded`).
final class ReadTable: Sendable {
    private struct State {
        var reads: [Dependency]
        /// Made on the first lookup: a build that renders nothing new never needs it.
        var positions: [Dependency: Int32]?
    }

    private let state: Mutex<State>

    init(_ reads: [Dependency] = []) { state = Mutex(State(reads: reads)) }

    var reads: [Dependency] { state.withLock { $0.reads } }
    var count: Int { state.withLock { $0.reads.count } }

    func read(at index: Int32) -> Dependency? {
        state.withLock { $0.reads.indices.contains(Int(index)) ? $0.reads[Int(index)] : nil }
    }

    /// Nil when no record names this read.
    func position(of read: Dependency) -> Int32? {
        state.withLock { state in
            Self.positions(&state)[read]
        }
    }

    /// The numbers of these reads, added to the table when new. `likely`: numbers these reads
    /// probably have (the last record of the same output). When they cover every read, the map
    /// of the whole table (tens of thousands of reads with string payloads, 10 M instructions at
    /// 2,000 articles) is not made: an edit re-records a few outputs, each mostly as before.
    func intern<Reads: Collection>(_ reads: Reads, likely: [Int32] = []) -> [Int32] where Reads.Element == Dependency {
        if !likely.isEmpty, let numbers = state.withLock({ state in Self.numbers(of: reads, among: likely, in: state.reads) }) {
            return numbers
        }
        return state.withLock { state in
            var positions = Self.positions(&state)
            state.positions = nil
            defer { state.positions = positions }
            return reads.map { read in
                if let known = positions[read] { return known }
                let index = Int32(state.reads.count)
                state.reads.append(read)
                positions[read] = index
                return index
            }
        }
    }

    /// Nil unless every read is among the reads numbered `likely`.
    private static func numbers<Reads: Collection>(of reads: Reads, among likely: [Int32], in table: [Dependency]) -> [Int32]?
        where Reads.Element == Dependency {
        guard reads.count <= likely.count else { return nil }
        var local: [Dependency: Int32] = [:]
        local.reserveCapacity(likely.count)
        for index in likely where table.indices.contains(Int(index)) { local[table[Int(index)]] = index }
        var numbers: [Int32] = []
        numbers.reserveCapacity(reads.count)
        for read in reads {
            guard let number = local[read] else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    private static func positions(_ state: inout State) -> [Dependency: Int32] {
        if let positions = state.positions { return positions }
        var positions: [Dependency: Int32] = [:]
        positions.reserveCapacity(state.reads.count)
        for (index, read) in state.reads.enumerated() { positions[read] = Int32(index) }
        state.positions = positions
        return positions
    }
}
