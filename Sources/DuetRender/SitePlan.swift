import DuetModel

/// The site's manifest: every output once (pages, parallel views, feeds, search indexes, sitemap,
/// robots, 404s, EPUBs, the status page, static files), each path claimed by exactly one entry.
/// Duplicate URLs, the build summary's counts, `duet check`'s way back to sources and the
/// incremental build's record all read it.
public struct SitePlan: Sendable {
    public private(set) var outputs: [PlannedOutput] = []
    public private(set) var diagnostics: [Diagnostic] = []
    private(set) var factory: PageContextFactory
    private var owners: [String: Int] = [:]

    /// - Parameter capacity: about how many outputs the site has: the lists grow once, not by doubling.
    init(factory: PageContextFactory, capacity: Int = 0) {
        self.factory = factory
        outputs.reserveCapacity(capacity)
        owners.reserveCapacity(capacity)
    }

    /// Adds an output; a path already claimed is an error naming both claimants, pointed at the
    /// document that took the URL (a generated page has no line to point at).
    public mutating func claim(_ output: consuming PlannedOutput) {
        // One hash of the path for a new claim; a clash gives the path back to its first owner.
        if let index = owners.updateValue(outputs.count, forKey: output.path) {
            owners[output.path] = index
            let owner = outputs[index]
            let url = "/" + output.path.replacing(/index\.html$/, with: "")
            diagnostics.append(.error("URL \(url) is produced twice: by \(owner.claimant) and by \(output.claimant)",
                                      at: output.location ?? owner.location ?? SourceLocation(file: owner.claimant)))
            return
        }
        outputs.append(output)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The same outputs, rendered from `graph`: for the preview's plan after a save that changed
    /// documents' bodies and nothing else (`SiteGraph.replacingBodies`), where every path, claim
    /// and list stays as it was. Every output finds its documents in the graph it is given.
    public func rendering(from graph: SiteGraph) -> SitePlan {
        var plan = self
        plan.factory.graph = graph
        // Listing entries made from the old graph would carry its text.
        plan.factory.listings = ListingCache()
        return plan
    }

    /// The search indexes' records of each article, which the CLI loads before rendering and
    /// saves after (`SearchRecordStore`); the preview's plan keeps them across saves.
    public var searchRecords: SearchRecords { factory.searchRecords }

    /// Renders `selected` on all cores, each with a recorder of what it reads. An article's
    /// listing entry is made once per plan and shared by every page that lists it.
    ///
    /// Once `isCancelled` says so, every output not yet made fails: a cancelled build (the
    /// preview's Ctrl-C) renders nothing more, and since a failure means nothing is written, the
    /// output folder stays as it was.
    public func render(_ selected: [PlannedOutput], isCancelled: (@Sendable () -> Bool)? = nil)
        -> (outputs: [RenderedOutput], diagnostics: [Diagnostic]) {
        let factory = self.factory
        var outputs: [RenderedOutput] = []
        var failures: [Diagnostic] = []
        let makers = Self.heaviestFirst(selected.compactMap { output in output.make.map { (output.kind, output.path, $0) } })
        let check = isCancelled.map(RenderInterruption.Check.init)
        let results = ParallelMap.map(makers.items) { _, path, make in
            let recorder = DependencyRecorder()
            return Result { () throws(RenderFailure) -> RenderedOutput in
                let cancelled = RenderFailure(.error("build cancelled", at: SourceLocation(file: path)))
                if isCancelled?() == true { throw cancelled }
                let file = try RenderInterruption.during(check) { () throws(RenderFailure) in
                    try recorder.recording { () throws(RenderFailure) in try make(factory) }
                }
                // A render that stopped early for a newer save is incomplete: never written.
                if isCancelled?() == true { throw cancelled }
                return RenderedOutput(file: file, dependencies: recorder.dependencies)
            }
        }
        for index in makers.order {
            switch results[index] {
            case .success(let output): outputs.append(output)
            case .failure(let failure): failures.append(failure.diagnostic)
            }
        }
        return (outputs, failures)
    }

    /// The outputs that each read a whole language (search indexes, EPUBs, feeds, the sitemap)
    /// go to the cores first: started last, one of them would leave the other cores idle at the
    /// end of the phase. `order` gives the results back in the manifest's order.
    private static func heaviestFirst<Make>(_ makers: [(PlannedOutput.Kind, String, Make)])
        -> (items: [(PlannedOutput.Kind, String, Make)], order: [Int]) {
        func rank(_ kind: PlannedOutput.Kind) -> Int {
            switch kind {
            case .searchIndex: 0
            case .epub: 1
            case .feed, .sitemap, .deposit: 2
            default: 3
            }
        }
        let permutation = makers.indices.sorted { a, b in
            let (ra, rb) = (rank(makers[a].0), rank(makers[b].0))
            return ra != rb ? ra < rb : a < b
        }
        var order = [Int](repeating: 0, count: makers.count)
        for (position, index) in permutation.enumerated() { order[index] = position }
        return (permutation.map { makers[$0] }, order)
    }

    public func renderAll() -> (outputs: [RenderedOutput], diagnostics: [Diagnostic]) { render(outputs) }
}
