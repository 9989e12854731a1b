/// Which documents a build publishes. `now` is passed in rather than read from the clock, so the
/// same input and the same `now` always publish the same set.
public struct ContentSelection: Hashable, Sendable {
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Seconds since 1970-01-01T00:00:00Z.
    public var now: Int64

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Int64) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }

    public enum Verdict: String, Sendable {
        case published, draft, future, unpublished
    }

    public func verdict(for document: ParsedDocument) -> Verdict {
        if document.flag("published") == false { return .unpublished }
        if document.flag("draft") == true, !includeDrafts { return .draft }
        if let date = document.date, date.secondsSinceEpoch > now, !includeFuture { return .future }
        return .published
    }

    /// The span around `now` in which any moment publishes what `now` does, for documents with
    /// these dates (seconds): from the latest at or before `now` to the first after it.
    public func stableSpan(over dates: [Int64]) -> (since: Int64, until: Int64) {
        (dates.filter { $0 <= now }.max() ?? .min, dates.filter { $0 > now }.min() ?? .max)
    }
}
