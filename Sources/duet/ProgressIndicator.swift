import DuetBuild
import Foundation
import Synchronization

/// A spinner with the running phase on stderr, shown only once a build has taken a second (a
/// fast build prints nothing extra) and only on a terminal; `finish` erases it before the summary.
/// Unchecked `Sendable`: the timer is set once in `init` and only cancelled after (which Dispatch
/// allows from any thread); everything that changes lives behind the mutex.
final class ProgressIndicator: @unchecked Sendable {
    private struct State {
        var phase = "load"
        var tick = 0
        var drawn = false
        var finished = false
    }

    private let state = Mutex(State())
    private let started = ContinuousClock.now
    private let timer: DispatchSourceTimer?

    init(enabled: Bool, delay: Duration = .seconds(1)) {
        guard enabled else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(Int(delay.components.seconds * 1000)), repeating: .milliseconds(100))
        self.timer = timer
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// For `BuildOptions.onPhase`.
    func enter(_ phase: String) {
        state.withLock { $0.phase = phase }
    }

    private func draw() {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        state.withLock { state in
            guard !state.finished else { return }
            FileHandle.standardError.write(Data(ProgressLine.text(phase: state.phase, elapsed: seconds, tick: state.tick).utf8))
            state.tick += 1
            state.drawn = true
        }
    }

    /// Stops redrawing and erases the line if one was drawn.
    func finish() {
        timer?.cancel()
        state.withLock { state in
            if state.drawn { FileHandle.standardError.write(Data(ProgressLine.clear.utf8)) }
            state.drawn = false
            state.finished = true
        }
    }
}
