import DuetModel
import DuetSource
import Foundation

/// The first half of the build, load -> parse -> graph, for commands that inspect the content
/// without rendering it (`duet status`). Drafts and future posts are included: editors want to
/// see the work in progress.
public enum SiteReader {
    public struct Site: Sendable {
        public var graph: SiteGraph
        public var revisions: [String: PublicationDate]
    }

    public static func read(source: String, now: Date = Date()) -> (Site?, [Diagnostic]) {
        let root = URL(fileURLWithPath: source)
        guard FileManager.default.fileExists(atPath: root.path) else {
            return (nil, [.error("content folder does not exist", at: SourceLocation(file: source))])
        }
        let tree = SourceTree.scan(root: root, displayRoot: source)
        var diagnostics = tree.diagnostics
        let config: SiteConfig
        do {
            config = try SiteConfigLoader.load(tree.config, path: tree.configPath)
        } catch {
            return (nil, diagnostics + [error.diagnostic])
        }
        let parser = DocumentParser(config: config, site: LiquidSite(tree: tree, config: config))
        var documents: [ParsedDocument] = []
        for file in tree.documents {
            do {
                let (document, warnings) = try parser.parse(file)
                documents.append(document)
                diagnostics += warnings
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        let assets = Set(tree.staticFiles.map { "/" + $0.outputPath })
        let (issues, issueDiagnostics) = IssueLoader.load(tree.issueFiles, config: config, assetExists: assets.contains)
        let (authors, authorDiagnostics) = AuthorLoader.load(tree.authorFiles, assetExists: assets.contains)
        let selection = ContentSelection(includeDrafts: true, includeFuture: true,
                                         now: Int64(now.timeIntervalSince1970.rounded(.down)))
        let (graph, graphDiagnostics) = SiteGraphBuilder(config: config, selection: selection).build(
            documents: documents, staticFiles: [], issues: issues, authors: authors)
        diagnostics += issueDiagnostics + authorDiagnostics + graphDiagnostics
        return (Site(graph: graph, revisions: Revisions.of(documents, config: config)), diagnostics.sortedByLocation())
    }
}
