import Dispatch
import DuetModel
import DuetRender
import Synchronization

/// Answers "what does this read give now?" for every kind of recorded read, so the selection of
/// stale outputs and the record of fresh ones digest each read once per build. The reads of the
/// last build's table are answered up front, on all cores, into an array its records index.
final class OutputDigests: Sendable {
    private let answers: Answers
    /// The numbering of reads that records use; the next cache's table.
    let table: ReadTable
    /// The answer for each read of the table as it stood when this build began (nil: volatile).
    private let known: [UInt64?]
    /// Answers for reads numbered later (new this build), or invalidated by a preview edit.
    private let memo = Mutex<[Int32: UInt64?]>([:])

    /// - Parameters:
    ///   - table: the previous build's reads; their answers are made now, in parallel.
    convenience init(graph: SiteGraph, strings: StringsCatalog, templates: [String: UInt64], table: ReadTable = ReadTable(),
                     documentDigests: [String: ModelDigests.DocumentDigests] = [:]) {
        let model = ModelDigests(graph: graph, documentDigests: documentDigests)
        let answers = Answers(model: model, strings: Answers.digests(of: strings), templates: templates)
        self.init(answers: answers, table: table, known: ParallelMap.map(table.reads) { answers.digest(of: $0) })
    }

    private init(answers: Answers, table: ReadTable, known: [UInt64?]) {
        inherited = nil
        invalidated = []
        self.answers = answers
        self.table = table
        self.known = known
    }

    /// Starts answering the reads of `table` on a spare core, while the site is planned: all but
    /// the interface strings, which the plan resolves, and which `finished(strings:)` adds.
    static func start(graph: SiteGraph, templates: [String: UInt64], table: ReadTable,
                      documentDigests: [String: ModelDigests.DocumentDigests]) -> Pending {
        Pending(graph: graph, templates: templates, table: table, documentDigests: documentDigests)
    }

    final class Pending: Sendable {
        private let result = Mutex<(model: ModelDigests, known: [UInt64?])?>(nil)
        private let done = DispatchSemaphore(value: 0)
        private let table: ReadTable
        private let templates: [String: UInt64]
        private let graph: SiteGraph
        private let documentDigests: [String: ModelDigests.DocumentDigests]

        fileprivate init(graph: SiteGraph, templates: [String: UInt64], table: ReadTable,
                         documentDigests: [String: ModelDigests.DocumentDigests]) {
            (self.table, self.templates, self.graph, self.documentDigests) = (table, templates, graph, documentDigests)
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let model = ModelDigests(graph: graph, documentDigests: documentDigests)
                let answers = Answers(model: model, strings: nil, templates: templates)
                let known = table.reads.map { read -> UInt64? in
                    if case .strings = read { return nil }
                    return answers.digest(of: read)
                }
                self.result.withLock { $0 = (model, known) }
                self.done.signal()
            }
        }

        /// The answers, once made, with those of the strings' reads.
        func finished(strings: StringsCatalog) -> OutputDigests {
            done.wait()
            done.signal()
            let reads = table.reads
            guard let (model, partial) = result.withLock({ $0 }) else {
                return OutputDigests(graph: graph, strings: strings, templates: templates, table: table, documentDigests: documentDigests)
            }
            var known = partial
            let answers = Answers(model: model, strings: Answers.digests(of: strings), templates: templates)
            for index in known.indices { if case .strings = reads[index] { known[index] = answers.digest(of: reads[index]) } }
            return OutputDigests(answers: answers, table: table, known: known)
        }
    }

    /// What the model's reads digest to (the preview patches it after a save).
    var model: ModelDigests { answers.model }

    /// The answers of the build this one patched (`replacingBodies`), good for every read but
    /// `invalidated`; always the last whole build's, so edits never stack up a chain.
    private let inherited: OutputDigests?
    private let invalidated: Set<Dependency>

    private init(answers: Answers, inherited: OutputDigests, invalidated: Set<Dependency>) {
        self.answers = answers
        self.known = []
        self.table = inherited.table
        self.inherited = inherited
        self.invalidated = invalidated
    }

    /// The answers after an edit of these documents' bodies only (`SiteGraph.replacingBodies`):
    /// every read answers as it did, but for the bodies, which `model` now digests. Nothing is
    /// copied: the whole build's answers are consulted for the reads the edits left alone.
    func replacingBodies(model: ModelDigests, paths: [String]) -> OutputDigests {
        OutputDigests(answers: Answers(model: model, strings: answers.strings, templates: answers.templates),
                      inherited: inherited ?? self, invalidated: invalidated.union(paths.map { .body($0) }))
    }

    /// The answer for read number `index` of `table`; nil means the read cannot be answered from
    /// the model (a volatile output): never current.
    func digest(at index: Int32) -> UInt64? {
        if Int(index) < known.count { return known[Int(index)] }
        if let inherited {
            guard let read = table.read(at: index) else { return nil }
            if !invalidated.contains(read) { return inherited.digest(at: index) }
        }
        if let value = memo.withLock({ $0[index] }) { return value }
        guard let read = table.read(at: index) else { return nil }
        let value = answers.digest(of: read)
        memo.withLock { $0[index] = value }
        return value
    }

    /// What a record of an output that made these reads holds; nil when one is volatile.
    /// - Parameter last: the output's record from the last build, whose numbers are tried first.
    func record(of dependencies: Set<Dependency>, last: [BuildCache.Read] = []) -> [BuildCache.Read]? {
        var reads: [BuildCache.Read] = []
        reads.reserveCapacity(dependencies.count)
        for index in table.intern(dependencies, likely: last.map(\.index)) {
            guard let value = digest(at: index) else { return nil }
            reads.append(BuildCache.Read(index: index, digest: value))
        }
        return reads
    }

    /// `record(of:)` for many outputs at once: every read numbered first, then each read not yet
    /// answered answered once, on all cores (a full build records 100,000 reads, 7,000 distinct).
    func records(of dependencies: [Set<Dependency>]) -> [[BuildCache.Read]?] {
        let numbered = dependencies.map { table.intern($0) }
        let values = answers(below: table.count)
        return numbered.map { indices in
            var reads: [BuildCache.Read] = []
            reads.reserveCapacity(indices.count)
            for index in indices {
                guard let value = values[Int(index)] else { return nil }
                reads.append(BuildCache.Read(index: index, digest: value))
            }
            return reads
        }
    }

    /// The answer to every read numbered below `count`.
    private func answers(below count: Int) -> [UInt64?] {
        guard inherited == nil else { return (0..<count).map { digest(at: Int32($0)) } }
        var values = known
        guard count > values.count else { return values }
        let missing = memo.withLock { memo in (values.count..<count).filter { memo[Int32($0)] == nil } }
        if !missing.isEmpty {
            let reads = table.reads
            let made = ParallelMap.map(missing) { answers.digest(of: reads[$0]) }
            memo.withLock { memo in for (index, value) in zip(missing, made) where memo[Int32(index)] == nil { memo[Int32(index)] = value } }
        }
        memo.withLock { memo in
            for index in values.count..<count { values.append(memo[Int32(index)] ?? nil) }
        }
        return values
    }

    private struct Answers: Sendable {
        let model: ModelDigests
        /// Each language's interface strings, digested once; nil while the plan has not resolved
        /// them (`Pending`).
        let strings: [String: UInt64]?
        let templates: [String: UInt64]

        static func digests(of strings: StringsCatalog) -> [String: UInt64] {
            strings.byLanguage.mapValues { strings in
                var digest = StableDigest()
                strings.combine(into: &digest)
                return digest.value
            }
        }

        func digest(of dependency: Dependency) -> UInt64? {
            switch dependency {
            case .strings(let language):
                guard let strings else { return nil }
                return strings[language] ?? 0
            case .layout(let name): return templates[name] ?? 0
            case .volatile: return nil
            default: return model.digest(of: dependency)
            }
        }
    }
}
