/// A template parsed once into a tree: what rendering walks, with nothing left to scan.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// `{{> name}}` (no overrides) or `{{< name}}...{{/name}}` (overrides: the blocks it sets).
    /// `indentation` is set for a standalone tag: every line the partial renders is indented by it.
    case partial(PartialReference, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a template: the innermost caller's override, or the default.
    /// `intrinsic`, for a standalone tag, is the indentation of the default's first line: an
    /// override is indented to it (the spec's "intrinsic indentation").
    case block(String, [TemplateNode], indentation: [UInt8], intrinsic: [UInt8])
    /// `{{$name}}...{{/name}}` directly inside a `{{< parent}}`; collected into its overrides.
    case blockDefinition(String, [TemplateNode])
    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping) or `HTML` for the rest of the template.
    case contentType(escapes: Bool)
}

/// Which template a partial tag names: fixed at parse time and resolved to an index when the
/// library is built, or read from the context (`{{>*name}}`).
enum PartialReference: Sendable {
    case named(String)
    case resolved(Int)
    case missing
    case dynamic(TemplateName)
}

/// A name as written in a tag, split once at parse time.
struct TemplateName: Sendable, Equatable {
    enum Root: Sendable, Equatable {
        /// `name` or `a.b`: the first key is looked for down the context stack.
        case stack
        /// `.name`: only in the innermost context.
        case current
        /// `first()`, `index()`: the position in the enclosing list.
        case sequence
    }

    var root: Root
    var keys: [String]
    /// Applied innermost first: `uppercased(name)` is `["uppercased"]`.
    var transforms: [String]
    /// As written, for closing tags and messages.
    var written: String
}

/// One template's tree and the partials and parents it names, as parsed.
public struct ParsedTemplate: Sendable {
    let nodes: [TemplateNode]
    /// Every `{{> name}}` and `{{< name}}` with a fixed name, in the order written.
    public let references: [TemplateReference]

    public init(parsing text: String) throws(TemplateSyntaxError) {
        self = try TemplateParser.parse(text)
    }

    init(nodes: [TemplateNode], references: [TemplateReference]) {
        self.nodes = nodes
        self.references = references
    }
}

/// A partial (`{{> name}}`) or parent (`{{< name}}`) a template names, where its tag opens.
public struct TemplateReference: Sendable, Equatable {
    public var name: String
    public var isParent: Bool
    public var line: Int
    public var column: Int
}
