/// Sets of token hashes kept as sorted arrays: the search index makes one per article, and
/// sorting a few thousand integers once costs less than hashing each into a `Set`.
extension Array where Element == UInt32 {
    /// Sorted ascending, a byte at a time from the lowest (LSD radix sort): a few thousand
    /// token hashes per article, where comparison sorting was most of the tokenizer's time.
    /// A byte that every value shares costs no pass.
    mutating func radixSort() {
        let count = self.count
        guard count > 64 else { return sort() }
        var spare = [UInt32](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 4 * 256)
        withUnsafeMutableBufferPointer { values in
            spare.withUnsafeMutableBufferPointer { other in
                counts.withUnsafeMutableBufferPointer { counts in
                    for value in values {
                        counts[Int(value & 0xFF)] += 1
                        counts[256 + Int((value >> 8) & 0xFF)] += 1
                        counts[512 + Int((value >> 16) & 0xFF)] += 1
                        counts[768 + Int(value >> 24)] += 1
                    }
                    var (source, target) = (values, other)
                    for pass in 0..<4 {
                        let (base, shift) = (pass * 256, UInt32(pass * 8))
                        if counts[base + Int((source[0] >> shift) & 0xFF)] == count { continue }
                        var offset = 0
                        for digit in 0..<256 {
                            let here = counts[base + digit]
                            counts[base + digit] = offset
                            offset += here
                        }
                        for value in source {
                            let slot = base + Int((value >> shift) & 0xFF)
                            target[counts[slot]] = value
                            counts[slot] += 1
                        }
                        swap(&source, &target)
                    }
                    if source.baseAddress != values.baseAddress {
                        _ = values.update(fromContentsOf: source)
                    }
                }
            }
        }
    }

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
