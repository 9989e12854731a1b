import DuetModel

/// The graph a plan was made from, shared by all its entries (one reference each, where a copy
/// of an article moved every field of it): what an entry shows when the graph it renders with
/// has no document at the source it noted, which the graphs `SitePlan.rendering(from:)` is given
/// always have.
final class PlannedGraph: Sendable {
    let graph: SiteGraph

    init(_ graph: SiteGraph) { self.graph = graph }
}
