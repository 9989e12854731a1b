import DuetModel

extension Renderer {
    /// `cite.ris`, `cite.bib` and `cite.json` beside every article whose URL is a folder. Each is
    /// a job like a page: what it reads (title, byline, authors, issue) is recorded as it renders,
    /// so an edit that changes a citation makes its files again and no other edit does.
    func citationFiles(_ graph: SiteGraph, into plan: inout SitePlan) {
        // Sorted by index over the paths read once: sorting the articles moved each whole at every step.
        let articles = graph.articles
        let paths = articles.map(\.document.sourcePath)
        for article in paths.indices.sorted(by: { paths[$0] < paths[$1] }).map({ articles[$0] }) {
            let source = article.document.sourcePath
            for name in SiteGraph.citationFileNames {
                guard let route = graph.citationRoute(of: article, file: name) else { continue }
                plan.claim(PlannedOutput(path: route.outputPath, kind: .citation, source: source,
                                         claimant: "the \(name) of \(source)") { factory in
                    // As the graph the plan renders with has it (`SitePlan.rendering(from:)`).
                    let citation = factory.citation(of: factory.graph.article(from: source) ?? article).citation
                    let text = switch name {
                    case "cite.ris": citation.ris
                    case "cite.bib": citation.bibtex + "\n"
                    default: citation.cslJSON
                    }
                    return OutputFile(path: route.outputPath, contents: text)
                })
            }
        }
    }
}
