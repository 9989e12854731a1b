/// Times the build's phases and counts what each one handled, for `--verbose`, and tells a
/// progress display which phase is running. The builder calls `enter` at each phase boundary.
struct PhaseClock {
    private var current: (name: String, started: ContinuousClock.Instant)?
    private(set) var timings: [PhaseTiming] = []
    private(set) var counts: [(label: String, count: Int)] = []
    private let onPhase: (@Sendable (String) -> Void)?

    init(onPhase: (@Sendable (String) -> Void)?) {
        self.onPhase = onPhase
    }

    /// Ends the running phase, if any, and starts `name`.
    mutating func enter(_ name: String) {
        stop()
        current = (name, ContinuousClock.now)
        onPhase?(name)
    }

    mutating func count(_ label: String, _ count: Int) {
        counts.append((label, count))
    }

    /// Before a build runs again: its counts would be given twice (its phases are, as they took time twice).
    mutating func forgetCounts() { counts = [] }

    mutating func stop() {
        guard let current else { return }
        timings.append(PhaseTiming(name: current.name, seconds: (ContinuousClock.now - current.started).seconds))
        self.current = nil
    }
}

/// How long one phase of a build took.
public struct PhaseTiming: Sendable, Equatable {
    public var name: String
    public var seconds: Double

    public init(name: String, seconds: Double) {
        self.name = name
        self.seconds = seconds
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
