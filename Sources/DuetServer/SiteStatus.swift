import DuetBuild
import Foundation

/// What the request handlers need to know about the builds, shared with the rebuild loop:
/// the build number (it changes whenever what a page shows changes) and, while the last build
/// failed, its report for the error page.
final class SiteStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var _build = 0
    private var _failure: BuildReport?
    private var _ready = false
    private var _building = false
    private var _outputs: Set<String> = []

    var build: Int { lock.withLock { _build } }
    var failure: BuildReport? { lock.withLock { _failure } }
    var snapshot: (build: Int, failure: BuildReport?) { lock.withLock { (_build, _failure) } }
    /// Whether the site that is being served has this output: the manifest of the last build that
    /// succeeded (a failed one leaves the previous site, and so its manifest).
    func publishes(_ relative: String) -> Bool { lock.withLock { _outputs.contains(relative) } }
    /// True while a build runs: only then may the output folder be missing for a moment (the swap).
    var isBuilding: Bool {
        get { lock.withLock { _building } }
        set { lock.withLock { _building = newValue } }
    }

    /// Records a finished build; returns the new build number and whether the previous one had failed.
    @discardableResult
    func record(_ report: BuildReport) -> (build: Int, previousFailed: Bool) {
        lock.withLock {
            let previousFailed = _failure != nil
            _build += 1
            _failure = report.succeeded ? nil : report
            if report.succeeded { _outputs = report.outputs }
            _ready = true
            return (_build, previousFailed)
        }
    }

    /// Requests that arrive while the first build runs wait for it (bounded: the handler times out).
    func waitUntilReady() async {
        while !lock.withLock({ _ready }) {
            try? await Task.sleep(for: .milliseconds(5))
            if Task.isCancelled { return }
        }
    }
}
