import ArgumentParser
import DuetBuild
import DuetModel
import DuetServer
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it at http://127.0.0.1:4000/ and rebuild on every change (live reload).")

    @OptionGroup var site: SiteOptions

    @OptionGroup var output: OutputOptions

    @Flag(inversion: .prefixedNo, help: "Include posts marked 'draft: true' (shown by default while serving).")
    var drafts = true

    @Option(help: "The port to listen on.")
    var port: UInt16 = 4000

    @Option(help: "The address to listen on. Anything but loopback makes the site reachable from the network.")
    var host = "127.0.0.1"

    @Option(name: .customLong("allow-host"),
            help: ArgumentHelp("Also answer requests for this host name (repeatable); others get 403.", valueName: "name"))
    var allowHost: [String] = []

    func run() throws {
        let printer = DiagnosticPrinter(style: output.style)
        let theme = try site.preparedTheme()
        defer { theme.finish() }
        var options = BuildOptions(source: site.source, theme: theme.path, output: site.output, includeDrafts: drafts,
                                   includeFuture: site.future, strict: false, baseURL: site.baseURL,
                                   cacheDirectory: site.cacheDirectory)
        options.themeDisplay = theme.display
        let shown = ShownDiagnostics()
        let server = PreviewServer(configuration: .init(build: options, host: host, port: port, allowedHosts: allowHost)) { event in
            Self.report(event, printer: printer, shown: shown)
        }

        let finished = DispatchSemaphore(value: 0)
        let failure = Failure()
        let stopping = Failure()
        let start = Task {
            do {
                let url = try await server.start()
                // Ctrl-C during the first build: its build was cancelled, there is nothing to serve.
                if stopping.flag { return }
                Self.say("Serving at \(url) (Ctrl-C to stop)")
                if !PreviewServer.isLoopback(host) {
                    printer.printLine("warning: --host \(host): the preview is reachable from the network, not only from this machine")
                }
            } catch {
                failure.error = error
                finished.signal()
            }
        }

        // Ctrl-C or a TERM: stop accepting, end the live-reload streams, cancel a running build
        // (it writes nothing, so the output keeps the last good site), exit 0. Not waiting for
        // `start`: the first build is cancelled the same way. A second signal exits at once.
        var handlers: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stopping.flag { _exit(130) }
                stopping.flag = true
                Task {
                    await server.stop()
                    finished.signal()
                }
            }
            source.resume()
            handlers.append(source)
        }
        finished.wait()
        if stopping.flag { start.cancel() }
        handlers.forEach { $0.cancel() }
        if let error = failure.error {
            printer.printLine("\(error)")
            throw ExitCode(1)
        }
        Self.say("Stopped.")
    }

    private static func report(_ event: PreviewServer.Event, printer: DiagnosticPrinter, shown: ShownDiagnostics) {
        switch event {
        case .watching(.inotify):
            break
        case .watching(.polling(let reason)):
            printer.printLine("note: watching for changes by polling (\(reason))")
        case .built(let report, let changes):
            if !changes.isEmpty, printer.style.detail != .quiet {
                let shown = changes.prefix(3).map(relative).joined(separator: ", ")
                say("Changed: \(shown)\(changes.count > 3 ? " and \(changes.count - 3) more" : "")")
            }
            // The first build shows every diagnostic; a rebuild only what is new, and what is gone.
            if let changes = shown.replace(with: report.diagnostics) {
                printer.print(changes.appeared)
                for fixed in changes.resolved { printer.printLine("fixed: \(fixed)") }
            } else {
                printer.print(report.diagnostics)
            }
            if let failure = report.writeFailure { printer.printError(failure.description) }
            printer.printDetails(of: report)
            say(report.succeeded ? report.summary
                  : report.summary.replacingOccurrences(of: "the previous output was left as it was",
                                                        with: "the last good site is still served"))
        }
    }

    /// Unbuffered, so a script or a test reading the pipe sees the URL at once.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// `/home/me/site/content/posts/en/x.md` -> `content/posts/en/x.md` when under the working folder.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// A value set by one task and read by another once a semaphore says so.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var _error: (any Error)?
    private var _flag = false
    var error: (any Error)? {
        get { lock.withLock { _error } }
        set { lock.withLock { _error = newValue } }
    }
    var flag: Bool {
        get { lock.withLock { _flag } }
        set { lock.withLock { _flag = newValue } }
    }
}

/// The diagnostics of the last build, to tell a rebuild's news from what is already on screen.
private final class ShownDiagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [Diagnostic]?

    /// What changed since the last build; nil for the first.
    func replace(with current: [Diagnostic]) -> DiagnosticChanges? {
        lock.withLock {
            defer { last = current }
            return last.map { DiagnosticChanges(from: $0, to: current) }
        }
    }
}
