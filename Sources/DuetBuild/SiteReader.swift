import DuetModel
import DuetSource
import Foundation

/// The front half of the pipeline for commands that inspect the content without rendering it
/// (`duet status`). Drafts and future posts are included: editors want to see the work in progress.
public enum SiteReader {
    public struct Site: Sendable {
        public var graph: SiteGraph
    }

    public static func read(source: String, now: Date = Date()) -> (Site?, [Diagnostic]) {
        let pipeline = SitePipeline(settings: .init(selection: ContentSelection(
            includeDrafts: true, includeFuture: true, now: Int64(now.timeIntervalSince1970.rounded(.down)))))
        do throws(DiagnosticError) {
            let sources = try pipeline.sources(tree: try SitePipeline.scan(source: source).get()).get()
            let (documents, parseDiagnostics) = pipeline.parse(sources)
            let model = pipeline.model(sources, documents: documents, parseDiagnostics: parseDiagnostics)
            return (Site(graph: model.graph),
                    model.diagnostics.sortedByLocation())
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
