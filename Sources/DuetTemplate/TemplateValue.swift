/// What a name in a template finds: a closed set of cases the renderer switches on, so a lookup
/// never passes through `Any` and a cast per kind of value.
///
/// `.none` is "not here": the lookup goes on down the context stack, as an absent key does in
/// Mustache. An empty text, a zero or an empty map are values, and open a section.
public enum TemplateValue {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case view(any TemplateView)

    /// Text, or `.none` for nil.
    public init(_ text: String?) {
        if let text { self = .text(text) } else { self = .none }
    }

    /// A view, or `.none` for nil.
    public init(_ view: (some TemplateView)?) {
        if let view { self = .view(view) } else { self = .none }
    }

    /// A list of views (an empty list stays a list: it closes a section but stops the lookup).
    public static func views(_ views: [some TemplateView]) -> TemplateValue {
        .list(views.map { .view($0) })
    }

    /// A list of texts.
    public static func texts(_ texts: [String]) -> TemplateValue {
        .list(texts.map { .text($0) })
    }
}

/// A value a template can look names up in: a view model that answers with a `switch` on the key.
public protocol TemplateView {
    func value(for key: String) -> TemplateValue
}
