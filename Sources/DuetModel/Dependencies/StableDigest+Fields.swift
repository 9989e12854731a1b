extension StableDigest {
    /// An absent text digests apart from every present one (and from the empty text).
    public mutating func combine(_ text: String?) {
        guard let text else { combine(0); return }
        combine(1)
        combine(text)
    }

    public mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    /// In key order, so the digest does not depend on the process's hash seed.
    public mutating func combine(_ texts: [String: String]) {
        combine(UInt64(texts.count))
        for (key, text) in texts.sorted(by: { $0.key < $1.key }) {
            combine(key)
            combine(text)
        }
    }
}
