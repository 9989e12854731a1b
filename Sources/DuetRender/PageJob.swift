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
    let make: @Sendable (PageContextFactory) throws(RenderFailure) -> OutputFile

    init(path: String, dependencies: Dependencies,
         make: @escaping @Sendable (PageContextFactory) throws(RenderFailure) -> OutputFile) {
        self.path = path
        self.dependencies = dependencies
        self.make = make
    }

    /// A file the build makes itself (the editors' status page), planned with the theme's pages.
    public init(path: String, dependencies: Dependencies, output: @escaping @Sendable () -> OutputFile) {
        self.init(path: path, dependencies: dependencies) { _ in output() }
    }
}

/// A file that could not be made (an EPUB that failed to package): reported, and nothing is written.
public struct RenderFailure: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// Every page the site has, ready to render all of them or only those a change touched.
public struct RenderPlan: Sendable {
    public var jobs: [PageJob]
    public var diagnostics: [Diagnostic]
    let factory: PageContextFactory

    /// Renders `selected` on all cores. Articles are measured (reading time, summary) once, and
    /// only those the selected pages list.
    public func render(_ selected: [PageJob]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
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
        var files: [OutputFile] = []
        var failures: [Diagnostic] = []
        for result in ParallelMap.map(selected, { job in Result { () throws(RenderFailure) in try job.make(shared) } }) {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let failure): failures.append(failure.diagnostic)
            }
        }
        return (files, failures)
    }

    public func renderAll() -> (files: [OutputFile], diagnostics: [Diagnostic]) { render(jobs) }
}
