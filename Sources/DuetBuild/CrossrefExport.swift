import DuetModel
import DuetRender
import Foundation

/// `duet export crossref`: an issue's deposit as the build writes it to `crossref/<issue>.xml`,
/// made by the same front half and the same renderer, so the bytes are the same.
public enum CrossrefExport {
    /// The deposit of `issueID` (the latest issue with a registered article when nil), or the
    /// diagnostics that prevent it.
    public static func deposit(options: BuildOptions, issue issueID: String?) -> Result<String, DiagnosticError> {
        let pipeline = options.pipeline
        do throws(DiagnosticError) {
            let sources = try pipeline.sources(tree: try SitePipeline.scan(source: options.source).get()).get()
            let (documents, parseDiagnostics) = pipeline.parse(sources)
            let model = pipeline.model(sources, documents: documents, parseDiagnostics: parseDiagnostics)
            let diagnostics = model.diagnostics.sortedByLocation()
            guard !diagnostics.hasErrors else { throw DiagnosticError(diagnostics.filter { $0.severity == .error }) }
            let graph = model.graph
            let configLocation = SourceLocation(file: sources.tree.configPath)
            if let reason = CrossrefDeposit.unavailability(graph.config) {
                throw DiagnosticError(.error(reason.isEmpty
                    ? "the site registers no DOIs: set doi_prefix and crossref: {depositor, email, registrant} in site.yml"
                    : reason, at: configLocation))
            }
            let registered = graph.issues.filter { graph.hasRegisteredArticles(in: $0.id) }
            let chosen: Issue?
            if let issueID {
                chosen = registered.first { $0.id == issueID.lowercased() }
                guard chosen != nil else {
                    let known = registered.map(\.id).joined(separator: ", ")
                    throw DiagnosticError(.error("no issue '\(issueID)' with registered articles (issues: \(known.isEmpty ? "none" : known))",
                                                 at: configLocation))
                }
            } else {
                chosen = registered.first
            }
            guard let chosen else { throw DiagnosticError(.error("no issue has an article with a DOI", at: configLocation)) }
            return .success(CrossrefDeposit(graph: graph, issue: chosen).render())
        } catch {
            return .failure(error)
        }
    }
}
