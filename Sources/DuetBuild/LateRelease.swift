import Dispatch

/// Frees a build's state (graph, plan, parses, records: some hundred thousand objects at 2,000
/// articles) on a background thread, so the command's answer does not wait for it.
enum LateRelease {
    /// Holds the last reference: the value is freed where this box is.
    private final class Box: @unchecked Sendable {
        // Unchecked: the value is never read, only dropped, on one thread.
        var value: Any?
        init(_ value: Any) { self.value = value }
    }

    static func hand<Value>(_ value: consuming Value) {
        let box = Unmanaged.passRetained(Box(value))
        DispatchQueue.global(qos: .utility).async { box.release() }
    }
}
