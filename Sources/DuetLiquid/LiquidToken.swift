/// One piece of a template: literal text, a `{{ output }}` or a `{% tag %}`.
struct LiquidToken {
    enum Kind: Equatable {
        case text
        case output
        case tag(name: String)
    }

    var kind: Kind
    /// The text itself, or the markup inside the delimiters (tag name removed).
    var content: String
    /// The whole token as written, for tags that stay as text.
    var source: String
    var offset: Int
}
