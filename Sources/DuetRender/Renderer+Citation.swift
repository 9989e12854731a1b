import DuetModel

extension Renderer {
    /// `cite.ris`, `cite.bib` and `cite.json` beside every article whose URL is a folder. Each is
    /// a job like a page: what it reads (title, byline, authors, issue) is recorded as it renders,
    /// so an edit that changes a citation makes its files again and no other edit does.
    func citationFiles(_ graph: SiteGraph, planned: PlannedGraph, into plan: inout SitePlan) {
        let articles = graph.articles
        for case .article(let index) in graph.sourceOrder {
            let source = articles[index].document.sourcePath
            let route = articles[index].route
            for name in SiteGraph.citationFileNames {
                guard let path = graph.citationOutputPath(of: route, file: name) else { continue }
                plan.claim(PlannedOutput(path: path, kind: .citation, source: source, claimant: .file(name, of: source)) { factory in
                    // As the graph the plan renders with has it (`SitePlan.rendering(from:)`).
                    let article = factory.graph.article(at: index, from: source) ?? planned.graph.article(at: index)
                    let citation = factory.citation(of: article).citation
                    let text = switch name {
                    case "cite.ris": citation.ris
                    case "cite.bib": citation.bibtex + "\n"
                    default: citation.cslJSON
                    }
                    return OutputFile(path: path, contents: text)
                })
            }
        }
    }
}
