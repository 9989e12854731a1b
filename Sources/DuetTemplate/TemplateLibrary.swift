/// A theme's templates, parsed once, with every partial and parent name resolved to an index,
/// shared read-only by every rendering thread.
public struct TemplateLibrary: Sendable {
    let templates: [[TemplateNode]]
    let indices: [String: Int]

    /// Templates parsed with `ParsedTemplate(parsing:)`; the first of two with one name wins.
    public init(_ templates: [(name: String, template: ParsedTemplate)]) {
        var indices: [String: Int] = [:]
        for (offset, entry) in templates.enumerated() where indices[entry.name] == nil { indices[entry.name] = offset }
        self.indices = indices
        self.templates = templates.map { Self.resolve($0.template.nodes, indices) }
    }

    public func contains(_ name: String) -> Bool { indices[name] != nil }

    /// The page as UTF-8 bytes; an unknown template renders nothing.
    public func render(_ context: TemplateValue, template name: String) -> [UInt8] {
        guard let index = indices[name] else { return [] }
        var renderer = TemplateRenderer(library: self, root: context)
        renderer.render(templates[index], TemplateRenderer.Frame())
        return renderer.output
    }

    private static func resolve(_ nodes: [TemplateNode], _ indices: [String: Int]) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .section(let name, let body): return .section(name, resolve(body, indices))
            case .inverted(let name, let body): return .inverted(name, resolve(body, indices))
            case .block(let name, let body, let indentation, let intrinsic):
                return .block(name, resolve(body, indices), indentation: indentation, intrinsic: intrinsic)
            case .blockDefinition(let name, let body): return .blockDefinition(name, resolve(body, indices))
            case .partial(let reference, let indentation, let overrides):
                var resolved = reference
                if case .named(let name) = reference { resolved = indices[name].map(PartialReference.resolved) ?? .missing }
                return .partial(resolved, indentation: indentation, overrides: overrides?.mapValues { resolve($0, indices) })
            case .text, .variable, .contentType: return node
            }
        }
    }
}

