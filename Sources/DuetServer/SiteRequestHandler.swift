import DuetBuild
import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers every request of the preview: the live-reload stream, the site's files (with the
/// live-reload script in HTML), clean-URL redirects, the site's 404 page, and the error page while
/// the last build failed. `PreviewListener` does the HTTP/1.1 work (and the host check); this
/// decides what to send.
struct SiteRequestHandler: Sendable {
    let resolver: SitePathResolver
    let status: SiteStatus
    let liveReload: LiveReload
    /// The path the site lives under (`/duet` for `--base-url https://example.org/duet/`), or "".
    let basePath: String

    func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
        // Methods are case-sensitive (RFC 9110 §9.1); FlyingFox's `HTTPMethod` compares them without case.
        guard request.method.rawValue == "GET" || request.method.rawValue == "HEAD" else {
            var response = text(.methodNotAllowed, "only GET and HEAD are supported\n", request)
            response.headers[.init("Allow")] = "GET, HEAD"
            return response
        }
        let raw = request.target.path()
        await status.waitUntilReady()
        if raw == LiveReload.eventsPath {
            guard request.method.rawValue == "GET" else { return finish(.ok, [.contentType: "text/event-stream; charset=utf-8"], Data(), request) }
            return liveReload.connect(currentBuild: status.build)
        }
        var sitePath = raw
        if !basePath.isEmpty {
            // 302, not 301: a browser must not remember it once the site is served without the prefix.
            if raw == basePath || raw == "/" { return redirect(basePath + "/", status: .found, request) }
            guard raw.hasPrefix(basePath + "/") else { return await notFound(request) }
            sitePath = String(raw.dropFirst(basePath.count))
        }
        let (build, failure) = status.snapshot
        switch await load(sitePath) {
        case .badRequest(let reason):
            return text(.badRequest, "bad request: \(reason)\n", request)
        case .redirect(let location):
            return redirect(basePath + location, request)
        case .file(let file, let relative):
            if let failure, ContentTypes.isHTML(relative) { return errorPage(failure, build: build, request) }
            return respond(file, relative: relative, status: .ok, build: build, request)
        case .notFound:
            if let failure, Self.wantsHTML(request) { return errorPage(failure, build: build, request) }
            return await notFound(request, sitePath: sitePath)
        }
    }

    // MARK: Reading the site

    enum Loaded {
        case file(SiteFile, relative: String)
        case redirect(String)
        case notFound
        case badRequest(String)
    }

    /// Resolves and reads a path. A rebuild swaps the output folder in two renames; a request that
    /// falls between them (or whose file was swapped away after resolving) tries again, so a swap
    /// is never seen as a 404 and a half-written site is never seen at all.
    func load(_ path: String) async -> Loaded {
        for _ in 0..<200 {
            let before = rootIdentity()
            switch resolver.resolve(path, publishes: status.publishes) {
            case .badRequest(let reason): return .badRequest(reason)
            case .redirect(let location): return .redirect(location)
            case .file(let real, let relative):
                if let file = SiteFile(path: real) { return .file(file, relative: relative) }
            case .notFound:
                break
            }
            // A miss is real unless the folder was being swapped meanwhile.
            let swapping = before == nil ? status.isBuilding : before != rootIdentity()
            if !swapping { return .notFound }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return .notFound
    }

    private func rootIdentity() -> [UInt64]? {
        var info = stat()
        guard stat(resolver.rootPath, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    // MARK: Responses

    func respond(_ file: SiteFile, relative: String, status code: HTTPStatusCode, build: Int, _ request: HTTPRequest) -> HTTPResponse {
        let html = ContentTypes.isHTML(relative)
        var headers: HTTPHeaders = [.contentType: ContentTypes.forPath(relative), .cacheControl: "no-cache"]
        if code == .ok {
            // The served HTML carries the build number in its script, so its tag does too.
            let tag = file.eTag(variant: html ? "-b\(build)" : "")
            headers[.eTag] = tag
            headers[.lastModified] = HTTPDate.format(file.lastModified)
            if Self.notModified(request, eTag: tag, modified: file.lastModified) {
                return HTTPResponse(statusCode: .notModified, headers: headers)
            }
        }
        let body = html ? LiveReload.inject(into: file.data, build: build) : file.data
        guard code == .ok else { return finish(code, headers, body, request) }
        headers[.acceptRanges] = "bytes"
        guard let header = request.headers[.range], Self.rangeApplies(request, eTag: headers[.eTag], modified: headers[.lastModified]),
              let range = ByteRange(header: header, length: body.count) else {
            return finish(code, headers, body, request)
        }
        switch range {
        case .partial(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound - 1)/\(body.count)"
            return finish(.partialContent, headers, body.subdata(in: (body.startIndex + bytes.lowerBound)..<(body.startIndex + bytes.upperBound)), request)
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(body.count)"
            headers[.contentType] = "text/plain; charset=utf-8"
            return finish(.rangeNotSatisfiable, headers, Data("the range starts past the end of the file (\(body.count) bytes)\n".utf8), request)
        }
    }

    /// `If-Range` asks for the part only if the file is still the one it names (RFC 9110 §13.1.5).
    static func rangeApplies(_ request: HTTPRequest, eTag: String?, modified: String?) -> Bool {
        guard let condition = request.headers[.init("If-Range")]?.trimmingCharacters(in: .whitespaces) else { return true }
        return condition == eTag || condition == modified
    }

    /// `If-None-Match` wins over `If-Modified-Since` (RFC 9110 §13.2.2).
    static func notModified(_ request: HTTPRequest, eTag: String, modified: Date) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == eTag || tag == "W/" + eTag
            }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }

    /// A miss inside a folder that has its own `404.html` (a language's, `/zh/404.html`) gets that
    /// page, in the language the reader was browsing; any other miss gets the site's `404.html`.
    private func notFound(_ request: HTTPRequest, sitePath: String = "") async -> HTTPResponse {
        let segments = sitePath.split(separator: "/")
        var candidates = ["/404.html"]
        if let folder = segments.first, segments.count > 1 || sitePath.hasSuffix("/") { candidates.insert("/\(folder)/404.html", at: 0) }
        for candidate in candidates {
            if case .file(let file, let relative) = await load(candidate) {
                return respond(file, relative: relative, status: .notFound, build: status.build, request)
            }
        }
        return text(.notFound, "not found\n", request)
    }

    private func errorPage(_ report: BuildReport, build: Int, _ request: HTTPRequest) -> HTTPResponse {
        finish(.internalServerError, [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
               ErrorPage.render(report, build: build), request)
    }

    private func redirect(_ location: String, status code: HTTPStatusCode = .movedPermanently, _ request: HTTPRequest) -> HTTPResponse {
        let query = request.target.query()
        let target = query.isEmpty ? location : location + "?" + query
        return finish(code, [.location: target, .contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                      Data("moved to \(target)\n".utf8), request)
    }

    private func text(_ code: HTTPStatusCode, _ message: String, _ request: HTTPRequest) -> HTTPResponse {
        finish(code, [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"], Data(message.utf8), request)
    }

    /// HEAD gets the headers of GET, `Content-Length` included, and no body.
    private func finish(_ code: HTTPStatusCode, _ headers: HTTPHeaders, _ body: Data, _ request: HTTPRequest) -> HTTPResponse {
        guard request.method.rawValue == "HEAD" else { return HTTPResponse(statusCode: code, headers: headers, body: body) }
        var headers = headers
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: code, headers: headers, body: Data())
    }

    static func wantsHTML(_ request: HTTPRequest) -> Bool {
        request.headers[.init("Sec-Fetch-Dest")] == "document" || (request.headers[.init("Accept")] ?? "").contains("text/html")
    }
}
