import DuetModel
import DuetRender
import Synchronization

/// Answers "what does this read give now?" for every kind of recorded read, so the selection of
/// stale outputs and the record of fresh ones digest each read once per build. The last build's
/// reads are answered up front, on all cores, and then looked up without a lock.
final class OutputDigests: Sendable {
    private let answers: Answers
    private let known: [Dependency: UInt64]
    private let memo = Mutex<[Dependency: UInt64]>([:])

    /// - Parameter reads: what the previous build's outputs read.
    init(graph: SiteGraph, strings: StringsCatalog, templates: [String: UInt64], answering reads: [Dependency] = [],
         documentDigests: [String: ModelDigests.DocumentDigests] = [:]) {
        inherited = nil
        invalidated = []
        let answers = Answers(model: ModelDigests(graph: graph, documentDigests: documentDigests), strings: strings, templates: templates)
        let values = ParallelMap.map(reads) { answers.digest(of: $0) }
        var known: [Dependency: UInt64] = [:]
        known.reserveCapacity(reads.count)
        for (read, value) in zip(reads, values) { if let value { known[read] = value } }
        self.answers = answers
        self.known = known
    }

    /// What the model's reads digest to (the preview patches it after a save).
    var model: ModelDigests { answers.model }

    /// The answers of the build this one patched (`replacingBodies`), good for every read but
    /// `invalidated`; always the last whole build's, so edits never stack up a chain.
    private let inherited: OutputDigests?
    private let invalidated: Set<Dependency>

    private init(answers: Answers, inherited: OutputDigests, invalidated: Set<Dependency>) {
        self.answers = answers
        self.known = [:]
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

    /// Nil means the read cannot be answered from the model (a volatile output): never current.
    func digest(of dependency: Dependency) -> UInt64? {
        if let value = known[dependency] { return value }
        if let inherited, !invalidated.contains(dependency) { return inherited.digest(of: dependency) }
        if let value = memo.withLock({ $0[dependency] }) { return value }
        let value = answers.digest(of: dependency)
        if let value { memo.withLock { $0[dependency] = value } }
        return value
    }

    func digests(of dependencies: Set<Dependency>) -> [Dependency: UInt64]? {
        var result: [Dependency: UInt64] = [:]
        for dependency in dependencies {
            guard let value = digest(of: dependency) else { return nil }
            result[dependency] = value
        }
        return result
    }

    private struct Answers: Sendable {
        let model: ModelDigests
        let strings: StringsCatalog
        let templates: [String: UInt64]

        func digest(of dependency: Dependency) -> UInt64? {
            switch dependency {
            case .strings(let language):
                var digest = StableDigest()
                digest.combine(reflecting: strings.byLanguage[language] as Any)
                return digest.value
            case .layout(let name): return templates[name] ?? 0
            case .volatile: return nil
            default: return model.digest(of: dependency)
            }
        }
    }
}
