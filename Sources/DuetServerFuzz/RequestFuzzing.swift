import DuetServer
import Foundation

/// One input through what the preview server does to a request before any file is read: the
/// head parsed whole and again as it would arrive in pieces (both must agree), the host check
/// against an oracle of its own, the path resolved inside a small site (never outside it), and
/// `Range` against files of every small size. A broken invariant stops the process: a finding.
enum RequestFuzzing {
    /// Small limits, so short inputs reach every limit.
    static let limits = ServerLimits(requestLine: 256, headerBlock: 1024, headerFields: 12, body: 64)
    static let resolver = SitePathResolver(root: site)
    static let loopback = HostPolicy(listeningOn: "127.0.0.1", allowed: [], machine: [])

    static func run(_ data: Data) {
        let bytes = [UInt8](data)
        var whole = RequestParser(limits: limits)
        let outcome = whole.parse(bytes)
        let step = 1 + Int(bytes.first ?? 0) % 7
        var pieces = RequestParser(limits: limits)
        var buffer: [UInt8] = []
        var arriving = RequestParser.Outcome.incomplete
        while arriving == .incomplete, buffer.count < bytes.count {
            buffer += bytes[buffer.count..<min(bytes.count, buffer.count + step)]
            arriving = pieces.parse(buffer)
        }
        precondition(arriving == outcome, "in pieces of \(step): \(arriving), whole: \(outcome)")
        guard case .request(let head, let consumed) = outcome else { return }
        precondition(consumed <= bytes.count)

        let accepted = loopback.accepts(head.authority)
        precondition(accepted == isLoopbackAuthority(head.authority), "host check disagrees on \(head.authority.debugDescription)")

        switch resolver.resolve(head.path) {
        case .file(let path, let relative):
            precondition(path.hasPrefix(realRoot + "/"), "\(head.path) resolved outside the site: \(path)")
            precondition(!relative.split(separator: "/").contains(".."))
        case .redirect(let location):
            precondition(location.hasPrefix("/") && !location.hasPrefix("//"), "redirect to \(location)")
        case .notFound, .badRequest:
            break
        }

        if let range = head["range"] {
            for length in [0, 1, 2, 10, 4096] {
                if case .partial(let part) = ByteRange(header: range, length: length) {
                    precondition(part.lowerBound >= 0 && part.upperBound <= length && !part.isEmpty, "\(range) of \(length): \(part)")
                }
            }
        }
    }

    /// The names the loopback preview answers to, checked the plain way: exact name, optional port.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        let lower = authority.lowercased()
        let (host, port): (Substring, Substring?)
        if lower.hasPrefix("[::1]") {
            host = "::1"
            let rest = lower.dropFirst(5)
            port = rest.isEmpty ? nil : rest
        } else if let colon = lower.firstIndex(of: ":") {
            (host, port) = (lower[..<colon], lower[colon...])
        } else {
            (host, port) = (lower[...], nil)
        }
        guard ["127.0.0.1", "localhost", "::1"].contains(host) else { return false }
        guard let port else { return true }
        let digits = port.dropFirst()
        return port.first == ":" && digits.count <= 5 && digits.allSatisfy(\.isASCIIDigit) && (digits.isEmpty || Int(digits)! <= 65_535)
    }

    /// A site of a few files, one symlink out of it, made once per process.
    static let site: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-serve-fuzz-\(getpid())")
        let files = root.appendingPathComponent("site")
        try? FileManager.default.createDirectory(at: files.appendingPathComponent("en/about"), withIntermediateDirectories: true)
        try? Data("<p>home</p>".utf8).write(to: files.appendingPathComponent("index.html"))
        try? Data("<p>about</p>".utf8).write(to: files.appendingPathComponent("en/about/index.html"))
        try? Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try? FileManager.default.createSymbolicLink(atPath: files.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
        try? FileManager.default.createSymbolicLink(atPath: files.appendingPathComponent("up").path, withDestinationPath: "..")
        return files
    }()

    static let realRoot: String = {
        guard let resolved = realpath(site.path, nil) else { return site.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }()
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
