import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches folders and everything below them, and reports which paths changed, debounced: an
/// editor's save (write a temporary file, rename it over the original, delete the backup) or a
/// `git checkout` of a thousand files is one report, sent once the folder has been quiet for
/// `debounce`.
///
/// On Linux it uses inotify (Foundation has no file watcher there), adding a watch to every folder
/// that appears; where inotify is unavailable or out of watches it polls modification times.
/// Hidden files and editor leftovers (`.#x`, `x~`, `x.swp`, vim's `4913`) are ignored, as the
/// build ignores them.
public final class Watcher: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        case inotify
        case polling(reason: String)
    }

    private let roots: [String]
    private let debounce: Duration
    private let pollInterval: Duration
    private let forcePolling: Bool
    private let onChange: @Sendable (Set<String>) -> Void

    private let lock = NSLock()
    private var stopping = false
    private var wakeFDs: [Int32] = [-1, -1]
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    public init(roots: [URL], debounce: Duration = .milliseconds(100), pollInterval: Duration = .milliseconds(250),
                forcePolling: Bool = false, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.roots = roots.map { $0.standardizedFileURL.path }
        self.debounce = debounce
        self.pollInterval = pollInterval
        self.forcePolling = forcePolling
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own; says how.
    @discardableResult
    public func start() -> Mode {
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { return startThread(mode: .polling(reason: "cannot create a pipe"), inotify: nil) }
        wakeFDs = pipeFDs
        _ = fcntl(pipeFDs[0], F_SETFL, O_NONBLOCK)
        #if canImport(Glibc)
        if !forcePolling {
            var tree = InotifyTree()
            guard let reason = tree.open(roots: roots) else { return startThread(mode: .inotify, inotify: tree) }
            tree.close()
            return startThread(mode: .polling(reason: reason), inotify: nil)
        }
        #endif
        return startThread(mode: .polling(reason: forcePolling ? "polling was asked for" : "inotify is Linux only"), inotify: nil)
    }

    /// Stops the thread and waits for it; safe to call twice.
    public func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping && thread != nil
        }
        guard wasRunning else { return }
        var byte: UInt8 = 1
        _ = write(wakeFDs[1], &byte, 1)
        finished.wait()
        close(wakeFDs[0])
        close(wakeFDs[1])
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func startThread(mode: Mode, inotify: InotifyTree?) -> Mode {
        // Taken before returning, so a change made right after `start()` is never part of the baseline.
        let initial = inotify == nil ? Self.snapshot(roots) : [:]
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if var tree = inotify {
                runInotify(&tree)
                tree.close()
                finished.signal()
                return
            }
            #endif
            runPolling(from: initial)
            finished.signal()
        }
        thread.name = "duet-watcher"
        lock.withLock { self.thread = thread }
        thread.start()
        return mode
    }

    // MARK: Debouncing

    private struct Pending {
        var paths: Set<String> = []
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?

        mutating func add(_ new: Set<String>) {
            guard !new.isEmpty else { return }
            paths.formUnion(new)
            let now = ContinuousClock.now
            if first == nil { first = now }
            last = now
        }

        /// Milliseconds until the burst is over (quiet for `debounce`, or one second in all), or nil.
        func wait(debounce: Duration) -> Int32? {
            guard let first, let last else { return nil }
            let due = min(last + debounce, first + .seconds(1))
            let remaining = due - ContinuousClock.now
            return max(0, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        }

        mutating func take() -> Set<String> {
            defer { self = Pending() }
            return paths
        }
    }

    private func flushIfDue(_ pending: inout Pending) {
        if let wait = pending.wait(debounce: debounce), wait == 0 {
            let paths = pending.take()
            if !paths.isEmpty { onChange(paths) }
        }
    }

    /// Waits for the wake pipe (stop) or `fd`, at most `timeout` ms (-1: forever). False when stopping.
    private func waitForInput(fd: Int32, timeout: Int32) -> Bool {
        var fds = [pollfd(fd: wakeFDs[0], events: Int16(POLLIN), revents: 0)]
        if fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), timeout)
        return !isStopping && fds[0].revents == 0
    }

    // MARK: inotify

    #if canImport(Glibc)
    private func runInotify(_ tree: inout InotifyTree) {
        var pending = Pending()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            guard waitForInput(fd: tree.fd, timeout: pending.wait(debounce: debounce) ?? -1) else { return }
            while true {
                let count = buffer.withUnsafeMutableBytes { read(tree.fd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                pending.add(tree.changes(in: buffer[0..<count], isIgnored: Self.isIgnored))
            }
            flushIfDue(&pending)
        }
    }
    #endif

    // MARK: Polling

    private func runPolling(from initial: [String: Stamp]) {
        var pending = Pending()
        var snapshot = initial
        let interval = Int32(pollInterval.components.seconds * 1000 + pollInterval.components.attoseconds / 1_000_000_000_000_000)
        while waitForInput(fd: -1, timeout: min(interval, pending.wait(debounce: debounce) ?? interval)) {
            let next = Self.snapshot(roots)
            var changed: Set<String> = []
            for (path, stamp) in next where snapshot[path] != stamp { changed.insert(path) }
            for path in snapshot.keys where next[path] == nil { changed.insert(path) }
            snapshot = next
            pending.add(changed)
            flushIfDue(&pending)
        }
    }

    private struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
        var inode: UInt64
    }

    private static func snapshot(_ roots: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if isIgnored(name) {
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                    continue
                }
                let path = root + "/" + relative
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                result[path] = Stamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
                                     size: Int64(info.st_size), inode: UInt64(info.st_ino))
            }
        }
        return result
    }

    /// What the build skips: hidden files and folders, editor backups and swap files.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swx") || name == "4913"
    }
}
