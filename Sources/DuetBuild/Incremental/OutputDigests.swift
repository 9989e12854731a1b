import DuetModel
import DuetRender
import Synchronization

/// Answers "what does this read give now?" for every kind of recorded read, memoised, so the
/// selection of stale outputs and the record of fresh ones digest each read once per build.
final class OutputDigests: Sendable {
    private let model: ModelDigests
    private let strings: StringsCatalog
    private let templates: [String: UInt64]
    private let memo = Mutex<[Dependency: UInt64]>([:])

    init(graph: SiteGraph, strings: StringsCatalog, templates: [String: UInt64]) {
        model = ModelDigests(graph: graph)
        self.strings = strings
        self.templates = templates
    }

    /// Nil means the read cannot be answered from the model (a volatile output): never current.
    func digest(of dependency: Dependency) -> UInt64? {
        if let known = memo.withLock({ $0[dependency] }) { return known }
        let value: UInt64?
        switch dependency {
        case .strings(let language):
            var digest = StableDigest()
            digest.combine(reflecting: strings.byLanguage[language] as Any)
            value = digest.value
        case .layout(let name): value = templates[name] ?? 0
        case .volatile: value = nil
        default: value = model.digest(of: dependency)
        }
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
}
