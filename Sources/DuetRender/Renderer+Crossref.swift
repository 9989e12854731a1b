import DuetModel

extension Renderer {
    /// `crossref/<issue>.xml` for every issue with a registered article, when the site registers
    /// DOIs (`doi_prefix` and `crossref:` in `site.yml`); nothing at all otherwise.
    func crossrefDeposits(_ graph: SiteGraph, into plan: inout SitePlan) {
        // A build for a relative base URL (a preview, `--base-url ""`) cannot register
        // addresses: no deposit, and `duet export crossref` says why.
        guard CrossrefDeposit.unavailability(graph.config) == nil else { return }
        for issue in graph.issues where graph.hasRegisteredArticles(in: issue.id) {
            let path = CrossrefDeposit.outputPath(issue: issue.id)
            plan.claim(PlannedOutput(path: path, kind: .deposit, source: issue.sourcePath,
                                     claimant: "the Crossref deposit of issue \(issue.id)") { factory in
                OutputFile(path: path, contents: CrossrefDeposit(graph: factory.graph, issue: issue).render())
            })
        }
    }
}
