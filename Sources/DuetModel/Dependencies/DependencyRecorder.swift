#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Collects what one output's render reads. The model's accessors report to the recorder of the
/// thread they run on, so nothing that builds a page context has to know recording exists, and a
/// new field or accessor cannot be forgotten in a hand-kept list.
public final class DependencyRecorder: Sendable {
    private let reads = Mutex<Set<Dependency>>([])

    public init() {}

    public var dependencies: Set<Dependency> { reads.withLock { $0 } }

    public func record(_ dependency: Dependency) { reads.withLock { _ = $0.insert(dependency) } }

    public func record(_ dependencies: Set<Dependency>) { reads.withLock { $0.formUnion(dependencies) } }

    /// Runs `body` with this recorder collecting the current thread's reads; the previous
    /// recorder (if any) is restored afterwards and also receives them, so nested recording works.
    public func recording<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let previous = Self.current
        Self.setCurrent(self)
        defer {
            Self.setCurrent(previous)
            previous?.record(dependencies)
        }
        return try body()
    }

    /// The recorder of the running thread, nil outside an output's render.
    public static var current: DependencyRecorder? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<DependencyRecorder>.fromOpaque(raw).takeUnretainedValue()
    }

    private static func setCurrent(_ recorder: DependencyRecorder?) {
        pthread_setspecific(key, recorder.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) })
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
