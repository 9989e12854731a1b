import FlyingFox
import FlyingSocks
import Foundation

/// Tells every open tab that the site changed, over Server-Sent Events at `/__duet/events`.
///
/// A small script is added to HTML responses while serving (never to the files on disk, so
/// `_site/` stays what `duet build` would write). It reloads the page after a rebuild, and after a
/// CSS-only change swaps the stylesheets in place, keeping the scroll position. The script carries
/// the build it was served from; if the tab reconnects after missing an event (the server was
/// restarted, the laptop slept) and the build differs, it reloads too.
public final class LiveReload: @unchecked Sendable {
    public static let eventsPath = "/__duet/events"
    /// The attribute that marks the injected script, so tests and people can find it.
    public static let marker = "data-duet-live-reload"

    public enum Event: Sendable, Equatable {
        case reload(build: Int)
        /// `stylesheets` are the site's CSS files after the rebuild (`/css/duet.3f2a9c1b.css`).
        case css(build: Int, stylesheets: [String])
    }

    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var heartbeat: Task<Void, Never>?
    private var closed = false

    public init() {}

    /// The streaming response of one `EventSource`; it ends when the client goes away or on `closeAll`.
    func connect(currentBuild: Int) -> HTTPResponse {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.clients.removeValue(forKey: id) }
        }
        continuation.yield(Array("retry: 1000\nevent: hello\ndata: \(currentBuild)\n\n".utf8))
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            clients[id] = continuation
            if heartbeat == nil { heartbeat = Task { [weak self] in await self?.beat() } }
            return true
        }
        if !accepted { continuation.finish() }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                      HTTPHeader("X-Accel-Buffering"): "no"],
            body: HTTPBodySequence(from: EventStreamBytes(stream: stream)))
    }

    public func broadcast(_ event: Event) {
        let bytes = Array(Self.encode(event).utf8)
        for client in lock.withLock({ Array(clients.values) }) { client.yield(bytes) }
    }

    /// Ends every stream (the server is stopping), so no connection keeps the shutdown waiting.
    public func closeAll() {
        let (all, beat) = lock.withLock { () -> ([AsyncStream<[UInt8]>.Continuation], Task<Void, Never>?) in
            closed = true
            defer { clients = [:]; heartbeat = nil }
            return (Array(clients.values), heartbeat)
        }
        beat?.cancel()
        for client in all { client.finish() }
    }

    /// A comment every 15 s: proxies keep the stream open, and a closed tab is noticed on write.
    private func beat() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(15))
            let all = lock.withLock { Array(clients.values) }
            for client in all { client.yield(Array(": keep-alive\n\n".utf8)) }
        }
    }

    static func encode(_ event: Event) -> String {
        switch event {
        case .reload(let build):
            return "event: reload\ndata: \(build)\n\n"
        case .css(let build, let stylesheets):
            let list = stylesheets.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",")
            return "event: css\ndata: {\"build\":\(build),\"stylesheets\":[\(list)]}\n\n"
        }
    }

    /// The page with the script added before `</body>` (or at the end when there is none).
    public static func inject(into html: Data, build: Int) -> Data {
        let script = Data(script(build: build).utf8)
        let closing = Data("</body>".utf8)
        let closingUpper = Data("</BODY>".utf8)
        let position = html.range(of: closing, options: .backwards)?.lowerBound
            ?? html.range(of: closingUpper, options: .backwards)?.lowerBound
        var result = Data(capacity: html.count + script.count)
        if let position {
            result.append(html[html.startIndex..<position])
            result.append(script)
            result.append(html[position...])
        } else {
            result.append(html)
            result.append(script)
        }
        return result
    }

    public static func script(build: Int) -> String {
        """
        <script \(marker)>
        (function () {
          var build = "\(build)";
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          var plain = function (path) { return path.replace(/\\.[0-9a-f]{8}\\.css$/, ".css"); };
          source.addEventListener("hello", function (e) { if (e.data !== build) location.reload(); });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("css", function (e) {
            var info = JSON.parse(e.data);
            build = String(info.build);
            document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
              var url = new URL(link.href, location.href);
              if (url.origin !== location.origin) return;
              var next = info.stylesheets.filter(function (s) { return plain(s) === plain(url.pathname); })[0];
              var fresh = link.cloneNode();
              fresh.href = (next || url.pathname) + "?duet=" + Date.now();
              fresh.onload = fresh.onerror = function () { link.remove(); };
              link.after(fresh);
            });
          });
        })();
        </script>

        """
    }
}

/// The bytes of an event stream, one event per chunk, sent as a chunked response body.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let size = Swift.max(1, Swift.min(count, pending.count))
            defer { pending.removeFirst(size) }
            return Array(pending.prefix(size))
        }
    }
}
