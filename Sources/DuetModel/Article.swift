/// A published post: its parsed document and the route it is written to.
public struct Article: Hashable, Sendable {
    public var document: ParsedDocument
    public var route: Route

    public init(document: ParsedDocument, route: Route) {
        self.document = document
        self.route = route
    }
}

/// A standalone page (about, submissions): not dated, not listed with the articles.
public struct Page: Hashable, Sendable {
    public var document: ParsedDocument
    public var route: Route

    public init(document: ParsedDocument, route: Route) {
        self.document = document
        self.route = route
    }
}
