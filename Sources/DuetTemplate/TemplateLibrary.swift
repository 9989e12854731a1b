/// A theme's templates, parsed once, with every partial and parent name resolved to an index,
/// shared read-only by every rendering thread.
public struct TemplateLibrary: Sendable {
    let templates: [[TemplateNode]]
    let indices: [String: Int]

    /// Parses every template; the first syntax error of each is returned beside the library
    /// (a template that does not parse is left out of it).
    public init(_ sources: [(name: String, text: String)]) throws(TemplateLibraryError) {
        var parsed: [(String, [TemplateNode])] = []
        var errors: [(name: String, error: TemplateSyntaxError)] = []
        for source in sources {
            do {
                parsed.append((source.name, try TemplateParser.parse(source.text)))
            } catch {
                errors.append((source.name, error))
            }
        }
        if !errors.isEmpty { throw TemplateLibraryError(errors: errors) }
        var indices: [String: Int] = [:]
        for (offset, entry) in parsed.enumerated() where indices[entry.0] == nil { indices[entry.0] = offset }
        self.indices = indices
        templates = parsed.map { Self.resolve($0.1, indices) }
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

/// The templates of a library that did not parse, each with its first error.
public struct TemplateLibraryError: Error, Sendable {
    public var errors: [(name: String, error: TemplateSyntaxError)]
}
