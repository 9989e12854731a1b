import DuetModel
import DuetRender
import DuetSource
import Foundation
import Synchronization

/// The parse stage's memo: a file whose bytes, place and parse settings are those of a file
/// parsed before is not parsed again, and a file whose stamp (size, modification time, inode) is
/// the one it had then is not even read. `duet build` fills it from the cache file; `duet serve`
/// keeps one alive between rebuilds, so only the files that changed are read and parsed.
public final class ParseMemo: Sendable {
    public struct Entry: Sendable {
        public private(set) var document: ParsedDocument
        public private(set) var warnings: [Diagnostic]
        /// What `.body` and `.meta` reads of the document digest to, made once per parse (and
        /// kept in the cache), not once per build: a search index reads every body.
        private(set) var digests: ModelDigests.DocumentDigests
        /// Read from the cache, with its body in the side store (`ParseStore.write`).
        private(set) var isStored = false
        /// The bytes the cache file held for it (a slice of the file read), written again as
        /// they are: the cache is rewritten on every build, and encoding 2,000 parses anew cost
        /// more than copying them.
        private(set) var record: ArraySlice<UInt8>?

        init(document: ParsedDocument, warnings: [Diagnostic], digests: ModelDigests.DocumentDigests? = nil) {
            var document = document
            if document.unrecordedImageSources == nil {
                document.unrecordedImageSources = IssueEpubs.imageSources(inBody: document.unrecordedBody)
            }
            if document.unrecordedBioNames == nil { document.unrecordedBioNames = BioNames.measured(for: document) }
            let digests = digests ?? ModelDigests.DocumentDigests(document)
            document.unrecordedBodyDigest = digests.body
            self.document = document
            self.warnings = warnings
            self.digests = digests
        }

        /// A parse read back from the cache file as `record`, its body left in the store.
        init(stored document: ParsedDocument, warnings: [Diagnostic], digests: ModelDigests.DocumentDigests,
             record: ArraySlice<UInt8>) {
            // Measured when parsed, and recorded with it: the measures are not taken again.
            var document = document
            document.unrecordedBodyDigest = digests.body
            self.document = document
            self.warnings = warnings
            self.digests = digests
            isStored = true
            self.record = record
        }
    }

    /// Which parse a file's stamp stands for, and under which settings it was made.
    struct Stamped: Sendable {
        var stamp: SourceStamp
        var key: UInt64
        /// Everything parsing read then (`site.yml` and what Liquid sees of the site): other
        /// settings mean the file is read and parsed again.
        var settings: UInt64
    }

    private struct Used {
        var entries: [UInt64: Entry] = [:]
        var stamps: [String: Stamped] = [:]
    }

    private let known: [UInt64: Entry]
    /// Parses the cache file holds, decoded by whichever core asks for one, and the side store
    /// their bodies are in.
    private let records: [UInt64: ParseRecord]
    private let bodies: StoredBodies?
    private let knownStamps: [String: Stamped]
    private let used = Mutex(Used())
    /// `site.yml` and what the documents' Liquid may read of the rest of the site, known once the
    /// content has been scanned (`settle`).
    private let settings = Mutex(StableDigest())
    /// Files modified this recently are read even when their stamp matches: a save in the same
    /// clock tick as the last read would keep its stamp (git's "racy clean" files).
    private let trustedBefore: Int
    /// The last build's Liquid indexed every document (`post_url`, `site.posts`): the scan must
    /// then read every file, since the index is made from their bytes.
    let readsEverything: Bool
    private let indexes = Mutex(false)

    init(known: [UInt64: Entry] = [:], records: [UInt64: ParseRecord] = [:], bodies: StoredBodies? = nil,
         stamps: [String: Stamped] = [:], readsEverything: Bool = false, now: Date = Date()) {
        self.known = known
        self.records = bodies == nil ? [:] : records
        self.bodies = bodies
        knownStamps = stamps
        self.readsEverything = readsEverything
        trustedBefore = Int(now.timeIntervalSince1970 * 1e9) - SourceStamp.racyWindow
    }

    /// For `SourceTree.scan`: true when the file need not be read. Whether its parse still holds
    /// under this build's settings is known after the scan; the parse stage reads it if not.
    func isUnchanged(_ path: String, _ stamp: SourceStamp) -> Bool {
        guard !readsEverything, stamp.modified < trustedBefore, let stamped = knownStamps[path], stamped.stamp == stamp else {
            return false
        }
        return known[stamped.key] != nil || records[stamped.key] != nil
    }

    /// The parse settings, before parsing: the bytes of `site.yml` (languages, time zone, excerpt
    /// separator) and what the documents' Liquid reads of the site.
    func settle(config: Data?, including site: StableDigest, indexesDocuments: Bool) {
        var digest = StableDigest.of(bytes: config ?? Data())
        digest.combine(site)
        settings.withLock { $0 = digest }
        indexes.withLock { $0 = indexesDocuments }
    }

    func key(for file: SourceFile) -> UInt64 {
        var digest = settings.withLock { $0 }
        digest.combine(file.kind.rawValue)
        digest.combine(file.path)
        digest.combine(file.folderLanguage ?? "")
        digest.combine(bytes: file.data)
        return digest.value
    }

    /// Nil for an unread file whose parse was made under other settings: it must be read.
    private func key(of file: SourceFile) -> UInt64? {
        guard file.isUnread else { return key(for: file) }
        guard let stamp = file.stamp, let stamped = knownStamps[file.path], stamped.stamp == stamp,
              stamped.settings == settings.withLock({ $0.value }) else { return nil }
        return stamped.key
    }

    func entry(for file: SourceFile) -> Entry? {
        guard let key = key(of: file) else { return nil }
        if let entry = known[key] { return entry }
        guard let bodies, let record = records[key] else { return nil }
        return record.entry(key: key, bodies: bodies)
    }

    func remember(_ entry: Entry, for file: SourceFile) {
        guard let key = key(of: file) else { return }
        let settings = self.settings.withLock { $0.value }
        used.withLock {
            $0.entries[key] = entry
            if let stamp = file.stamp { $0.stamps[file.path] = Stamped(stamp: stamp, key: key, settings: settings) }
        }
    }

    /// What this build parsed or reused: the next build's memo (older entries are dropped).
    var entries: [UInt64: Entry] { used.withLock { $0.entries } }
    var stamps: [String: Stamped] { used.withLock { $0.stamps } }
    var indexesDocuments: Bool { indexes.withLock { $0 } }

    /// The digests of every document this build parsed or reused, by source path.
    var documentDigests: [String: ModelDigests.DocumentDigests] {
        used.withLock { state in
            Dictionary(state.entries.values.map { ($0.document.sourcePath, $0.digests) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A memo for the next build in this process, knowing what this one used.
    func next() -> ParseMemo {
        ParseMemo(known: entries, stamps: stamps, readsEverything: indexesDocuments)
    }

    /// This memo with the preview's fresh parses of saved files in place of their old ones
    /// (`PreviewEdit`): the same settings, the other files' entries as they were.
    func replacing(_ parses: [(file: SourceFile, entry: Entry)]) -> ParseMemo {
        let memo = ParseMemo(readsEverything: readsEverything)
        let settings = self.settings.withLock { $0 }
        memo.settings.withLock { $0 = settings }
        memo.indexes.withLock { $0 = indexesDocuments }
        var used = self.used.withLock { $0 }
        for (file, entry) in parses {
            if let old = used.stamps[file.path] { used.entries[old.key] = nil }
            let key = key(for: file)
            used.entries[key] = entry
            if let stamp = file.stamp { used.stamps[file.path] = Stamped(stamp: stamp, key: key, settings: settings.value) }
        }
        memo.used.withLock { $0 = used }
        return memo
    }
}
