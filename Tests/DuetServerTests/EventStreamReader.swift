import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `EventSource` stand-in: one connection to `/__duet/events`, read on a thread of its own,
/// so a test can wait (bounded) for the n-th event of a kind.
final class EventStreamReader: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let socket: Int32
    private let lock = NSLock()
    private var text = ""
    private let done = DispatchSemaphore(value: 0)

    init(port: UInt16) throws {
        socket = try RawHTTP.connect(port: port, timeout: 30)
        try RawHTTP.send(socket, "GET /__duet/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                let chunk = String(decoding: buffer[0..<count], as: UTF8.self)
                lock.withLock { text += chunk }
            }
            done.signal()
        }
        thread.start()
    }

    var raw: String { lock.withLock { text } }

    /// Every complete event so far (the chunked framing around them is skipped).
    var events: [Event] {
        let text = lock.withLock { self.text }
        var result: [Event] = []
        var name: String?
        // "\r\n" is one Character in Swift: split on every kind of line end, chunk framing included.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: "), let current = name {
                result.append(Event(name: current, data: String(line.dropFirst(6))))
                name = nil
            }
        }
        return result
    }

    /// The `count`-th event named `name`, waiting up to `timeout` seconds for it.
    func wait(for name: String, count: Int = 1, timeout: TimeInterval = 10) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let matching = events.filter { $0.name == name }
            if matching.count >= count { return matching[count - 1] }
            usleep(10_000)
        } while Date() < deadline
        return nil
    }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        _ = done.wait(timeout: .now() + 5)
        Glibc.close(socket)
    }
}
