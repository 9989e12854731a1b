import DuetModel
import DuetSource
import Synchronization

/// The parse stage's memo: a file whose bytes, place and parse settings are those of a file
/// parsed before is not parsed again. `duet build` fills it from the cache file; `duet serve`
/// keeps one alive between rebuilds, so only the files the watcher saw change are parsed.
public final class ParseMemo: Sendable {
    public struct Entry: Sendable {
        public var document: ParsedDocument
        public var warnings: [Diagnostic]
    }

    private let known: Mutex<[UInt64: Entry]>
    private let used = Mutex<[UInt64: Entry]>([:])
    private let settings: StableDigest

    /// - Parameter config: the bytes of `site.yml`, which parsing reads (languages, time zone, excerpt separator).
    public init(config: Data?, known: [UInt64: Entry] = [:]) {
        settings = StableDigest.of(bytes: config ?? Data())
        self.known = Mutex(known)
    }

    func key(for file: SourceFile) -> UInt64 {
        var digest = settings
        digest.combine(file.kind.rawValue)
        digest.combine(file.path)
        digest.combine(file.folderLanguage ?? "")
        digest.combine(bytes: file.data)
        return digest.value
    }

    func entry(for file: SourceFile) -> Entry? {
        let key = key(for: file)
        return known.withLock { $0[key] }
    }

    func remember(_ entry: Entry, for file: SourceFile) {
        let key = key(for: file)
        used.withLock { $0[key] = entry }
    }

    /// What this build parsed or reused: the next build's memo (older entries are dropped).
    var entries: [UInt64: Entry] { used.withLock { $0 } }

    /// A memo for the next build in this process, knowing what this one used.
    public func next(config: Data?) -> ParseMemo { ParseMemo(config: config, known: entries) }
}

import Foundation
