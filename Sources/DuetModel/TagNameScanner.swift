/// The name of an HTML tag, read one scalar at a time after its `<`, to tell phrasing elements
/// (`a`, `em`, `code`...), whose tags join the text on either side (`一份<a>监测方案</a>` reads
/// `一份监测方案`), from every other tag (a paragraph, a list item), which stands for a space.
/// The name is packed into an integer, one ASCII byte each, so a scan over a whole article
/// allocates nothing per tag. Plain text and the search tokenizer read tags the same way.
public struct TagNameScanner: Sendable {
    private var packed: UInt64 = 0
    private var ended = false

    public init() {}

    /// Feeds the next scalar inside the tag (after `<`, before `>`).
    public mutating func read(_ scalar: Unicode.Scalar) {
        guard !ended else { return }
        if scalar == "/", packed == 0 { return }
        let value = scalar.value | 0x20
        if ((0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value)), packed < 1 << 48 {
            packed = packed << 8 | UInt64(value)
        } else {
            ended = true
        }
    }

    /// True for a phrasing element's tag: no space where it stood.
    public var joinsText: Bool {
        // A binary search of a sorted table: hashing each tag for a `Set` showed in profiles.
        var (low, high) = (0, Self.phrasing.count)
        while low < high {
            let middle = (low + high) / 2
            if Self.phrasing[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < Self.phrasing.count && Self.phrasing[low] == packed
    }

    private static let phrasing: [UInt64] = (["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del",
        "dfn", "em", "i", "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong",
        "sub", "sup", "time", "u", "var", "wbr"] as [String]).map { name in name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }.sorted()
}
