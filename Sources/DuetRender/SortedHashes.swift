/// Sets of token hashes kept as sorted arrays: the search index makes one per article, and
/// sorting a few thousand integers once costs less than hashing each into a `Set`.
extension Array where Element == UInt32 {
    /// A sorted array without its repeats.
    func sortedUnique() -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(count)
        for value in self where result.last != value { result.append(value) }
        return result
    }

    /// Both sorted arrays' values, sorted, each once.
    func mergingSorted(_ other: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(count + other.count)
        var (i, j) = (0, 0)
        while i < count || j < other.count {
            let next: UInt32
            if j == other.count || (i < count && self[i] <= other[j]) { next = self[i]; i += 1 } else { next = other[j]; j += 1 }
            if result.last != next { result.append(next) }
        }
        return result
    }

    /// This sorted array's values that the sorted `other` does not hold.
    func subtractingSorted(_ other: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(count)
        var j = 0
        for value in self {
            while j < other.count, other[j] < value { j += 1 }
            if j == other.count || other[j] != value { result.append(value) }
        }
        return result
    }
}
