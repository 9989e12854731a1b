import DuetModel

/// One file of the site, not yet rendered, with the documents its contents are made from: the
/// build renders it only when one of those (or anything site-wide) changed since the last build.
public struct PageJob: Sendable {
    public enum Dependencies: Hashable, Sendable {
        /// Source paths of the documents the page shows whole (`whole`: an article's own page, a
        /// feed with full entries), and of those it only lists (`listed`: title, excerpt, byline,
        /// summary, reading time), so an edit deep in an article leaves its listings alone.
        case documents(whole: [String], listed: [String])
        /// Pages that draw on every document (a search index, a site-wide feed).
        case everything
    }

    public var path: String
    public var dependencies: Dependencies
    let make: @Sendable (PageContextFactory) -> OutputFile

    init(path: String, dependencies: Dependencies, make: @escaping @Sendable (PageContextFactory) -> OutputFile) {
        self.path = path
        self.dependencies = dependencies
        self.make = make
    }
}

/// Every page the site has, ready to render all of them or only those a change touched.
public struct RenderPlan: Sendable {
    public var jobs: [PageJob]
    public var diagnostics: [Diagnostic]
    let factory: PageContextFactory

    /// Renders `selected` on all cores. Articles are measured (reading time, summary) once, and
    /// only those the selected pages list.
    public func render(_ selected: [PageJob]) -> [OutputFile] {
        var needed: Set<String> = []
        var all = false
        for job in selected {
            switch job.dependencies {
            case .everything: all = true
            case .documents(let whole, let listed): needed.formUnion(whole); needed.formUnion(listed)
            }
        }
        let listed = all ? factory.graph.articles : factory.graph.articles.filter { needed.contains($0.document.sourcePath) }
        var ready = factory
        let measuring = factory
        ready.listings = Dictionary(ParallelMap.map(listed) { ($0.document.sourcePath, measuring.view(of: $0)) },
                                    uniquingKeysWith: { first, _ in first })
        let shared = ready
        return ParallelMap.map(selected) { $0.make(shared) }
    }

    public func renderAll() -> [OutputFile] { render(jobs) }
}
