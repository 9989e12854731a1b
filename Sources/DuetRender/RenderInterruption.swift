#if canImport(Glibc)
import Glibc
#endif

/// Lets the longest renders (a search index over every article, an issue's book) stop early when
/// the preview has a newer save to show: `SitePlan.render` installs the check for the thread it
/// renders on, and discards whatever such a render returns once the check says stop.
enum RenderInterruption {
    final class Check: Sendable {
        let stop: @Sendable () -> Bool
        init(_ stop: @escaping @Sendable () -> Bool) { self.stop = stop }
    }

    static var isRequested: Bool {
        guard let raw = pthread_getspecific(key) else { return false }
        return Unmanaged<Check>.fromOpaque(raw).takeUnretainedValue().stop()
    }

    static func during<Result, Failure: Error>(_ check: Check?, _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, check.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) })
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
