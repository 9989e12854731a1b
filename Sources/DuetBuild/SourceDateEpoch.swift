import Foundation

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): when set, it is the build's "now", the moment
/// that decides which posts are in the future, so a rebuild of the same sources next month or on
/// another machine gives the same site.
public enum SourceDateEpoch {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String)

        public var description: String {
            switch self {
            case .malformed(let value):
                return "error: SOURCE_DATE_EPOCH '\(value)' is not a whole number of seconds since 1970-01-01 UTC"
            }
        }
    }

    /// The moment from the environment, or `fallback` (the clock) when the variable is unset or empty.
    public static func now(environment: [String: String], fallback: () -> Date = Date.init) throws(Failure) -> Date {
        guard let value = environment["SOURCE_DATE_EPOCH"], !value.isEmpty else { return fallback() }
        guard value.allSatisfy(\.isASCII), let seconds = Int64(value), seconds >= 0 else { throw .malformed(value) }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
