import DuetModel

/// What a rebuild of `duet serve` prints: the diagnostics that are new since the last build and
/// those that are gone, not every warning of the site again on every save.
///
/// A diagnostic is the same one when its file, severity and message are: a warning that moved
/// because a line was added above it is not news. Repeats count, so a second identical warning
/// in a file is new.
struct DiagnosticChanges: Equatable {
    var appeared: [Diagnostic]
    var resolved: [Diagnostic]

    init(from previous: [Diagnostic], to current: [Diagnostic]) {
        var before: [Key: [Diagnostic]] = [:]
        for diagnostic in previous { before[Key(diagnostic), default: []].append(diagnostic) }
        var appeared: [Diagnostic] = []
        for diagnostic in current {
            let key = Key(diagnostic)
            if before[key]?.isEmpty == false { before[key]?.removeFirst() } else { appeared.append(diagnostic) }
        }
        self.appeared = appeared
        // In the order they were reported, which is by location.
        let left = Set(before.values.joined())
        self.resolved = previous.filter { left.contains($0) }
    }

    var isEmpty: Bool { appeared.isEmpty && resolved.isEmpty }

    private struct Key: Hashable {
        var file: String
        var severity: Diagnostic.Severity
        var message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            severity = diagnostic.severity
            message = diagnostic.message
        }
    }
}
