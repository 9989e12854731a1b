/// The versions of one article (or page) in every language it exists in.
///
/// A translation is the same article, not a related one: the set is what the language switcher,
/// the hreflang cluster and the translation warnings are computed from.
public struct TranslationSet: Hashable, Sendable {
    public var kind: ParsedDocument.Kind
    public var key: String
    /// Language code -> where that version lives.
    public var routes: [String: Route]

    public init(kind: ParsedDocument.Kind, key: String, routes: [String: Route] = [:]) {
        self.kind = kind
        self.key = key
        self.routes = routes
    }

    /// Identifies a set: posts and pages pair separately, so a page `about` never pairs with a post.
    public struct ID: Hashable, Sendable {
        public var kind: ParsedDocument.Kind
        public var key: String

        public init(kind: ParsedDocument.Kind, key: String) {
            self.kind = kind
            self.key = key
        }
    }

    public var id: ID { ID(kind: kind, key: key) }
}

extension ParsedDocument {
    public var translationID: TranslationSet.ID { .init(kind: kind, key: translationKey) }
}
