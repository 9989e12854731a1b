#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `duet serve` could not start; each names what to change.
public enum PreviewServerError: Error, Sendable, CustomStringConvertible, Equatable {
    case missingFolder(kind: String, path: String)
    case invalidHost(String)
    case portInUse(host: String, port: UInt16)
    case cannotListen(host: String, port: UInt16, reason: String)

    public var description: String {
        switch self {
        case .missingFolder(let kind, let path):
            return "\(path): error: \(kind) folder does not exist"
        case .invalidHost(let host):
            return "error: --host \(host) is not an IP address (use 127.0.0.1, ::1 or an address of this machine)"
        case .portInUse(let host, let port):
            return "error: port \(port) on \(host) is already in use; stop the other server or choose another with --port"
        case .cannotListen(let host, let port, let reason):
            return "error: cannot listen on \(host) port \(port): \(reason)"
        }
    }

    static func from(bindErrno code: Int32, host: String, port: UInt16, message: String) -> PreviewServerError {
        switch code {
        case EADDRINUSE: return .portInUse(host: host, port: port)
        case EACCES: return .cannotListen(host: host, port: port, reason: "permission denied (ports below 1024 need privileges)")
        case EADDRNOTAVAIL: return .cannotListen(host: host, port: port, reason: "this machine has no such address")
        default: return .cannotListen(host: host, port: port, reason: message)
        }
    }
}
