import DuetModel
import DuetTemplate

/// The compiled templates of a theme, parsed once and shared by every rendering thread.
///
/// The engine renders a missing partial or parent as empty text, as Mustache asks, so every
/// `{{> name}}` and `{{< name}}` is checked here, at load time, and reported at its line.
public struct Theme: Sendable {
    let library: TemplateLibrary
    public let layouts: Set<String>
    public let strings: [String: Strings]
    /// Each template's digest with those of the partials and parents it includes, so a page
    /// depends on the templates its layout actually uses.
    public let templateDigests: [String: UInt64]

    public init(templates: [TemplateSource], strings: [String: Strings]) throws(DiagnosticError) {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        var parsed: [(name: String, template: ParsedTemplate)] = []
        var sources: [TemplateSource] = []
        for template in templates.sorted(by: { $0.path < $1.path }) {
            if let owner = owners[template.name] {
                diagnostics.append(.error("template name '\(template.name)' is also used by \(owner)",
                                          at: SourceLocation(file: template.path, line: 1, column: 1)))
                continue
            }
            owners[template.name] = template.path
            do {
                parsed.append((template.name, try ParsedTemplate(parsing: template.text)))
                sources.append(template)
            } catch {
                diagnostics.append(TemplateSyntaxMessage.diagnostic(for: error, template: template))
            }
        }
        // The references the parser found (a partial named in a comment is not one), by template.
        let references = Dictionary(parsed.map { ($0.name, $0.template.references) }, uniquingKeysWith: { first, _ in first })
        for template in sources {
            for reference in references[template.name] ?? [] where owners[reference.name] == nil {
                let kind = reference.isParent ? "parent template" : "partial"
                diagnostics.append(.error("\(kind) '\(reference.name)' does not exist in the theme",
                                          at: SourceLocation(file: template.path, line: reference.line, column: reference.column)))
            }
        }
        diagnostics += Self.cycles(in: sources, references: references)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics.sortedByLocation()) }
        self.library = TemplateLibrary(parsed)
        self.layouts = Set(templates.filter { $0.role == .layout }.map(\.name))
        self.strings = strings
        self.templateDigests = Self.digests(of: sources, references: references)
    }

    private static func digests(of templates: [TemplateSource], references: [String: [TemplateReference]]) -> [String: UInt64] {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: UInt64] = [:]
        for template in templates {
            var seen: Set<String> = []
            var queue = [template.name]
            var digest = StableDigest()
            // Breadth first over the names it includes; cycles were refused above.
            while let name = queue.first {
                queue.removeFirst()
                guard seen.insert(name).inserted, let included = byName[name] else { continue }
                digest.combine(name)
                digest.combine(included.text)
                queue += (references[name] ?? []).map(\.name)
            }
            result[template.name] = digest.value
        }
        return result
    }

    /// Rendering would recurse without end through a partial that includes itself, directly or
    /// through others: refuse such a theme, naming the chain, at the reference that closes it.
    static func cycles(in templates: [TemplateSource], references: [String: [TemplateReference]]) -> [Diagnostic] {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        func visit(_ name: String, chain: [String]) {
            guard let template = byName[name] else { return }
            for reference in references[name] ?? [] where byName[reference.name] != nil {
                if let start = chain.firstIndex(of: reference.name) {
                    let loop = (chain[start...] + [name, reference.name]).joined(separator: " -> ")
                    if reported.insert(loop).inserted {
                        diagnostics.append(.error("templates include each other without end: \(loop)",
                                                  at: SourceLocation(file: template.path, line: reference.line, column: reference.column)))
                    }
                } else if reference.name == name {
                    if reported.insert(name).inserted {
                        diagnostics.append(.error("template '\(name)' includes itself",
                                                  at: SourceLocation(file: template.path, line: reference.line, column: reference.column)))
                    }
                } else if chain.count < 32 {
                    visit(reference.name, chain: chain + [name])
                }
            }
        }
        for template in templates.sorted(by: { $0.path < $1.path }) { visit(template.name, chain: []) }
        return diagnostics
    }

    /// The page `layout` renders for `context`: the one way Duet renders a template.
    func render(_ context: some TemplateView, layout: String) -> String {
        render(.view(context), layout: layout)
    }

    func render(_ context: TemplateValue, layout: String) -> String {
        DependencyRecorder.current?.record(.layout(layout))
        return String(decoding: library.render(context, template: layout), as: UTF8.self)
    }
}

