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
        var unique: [TemplateSource] = []
        for template in templates.sorted(by: { $0.path < $1.path }) {
            if let owner = owners[template.name] {
                diagnostics.append(.error("template name '\(template.name)' is also used by \(owner)",
                                          at: SourceLocation(file: template.path, line: 1, column: 1)))
                continue
            }
            owners[template.name] = template.path
            unique.append(template)
        }
        var library: TemplateLibrary?
        do {
            library = try TemplateLibrary(unique.map { ($0.name, $0.text) })
        } catch {
            let byName = Dictionary(unique.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for (name, syntax) in error.errors {
                guard let template = byName[name] else { continue }
                diagnostics.append(TemplateSyntaxMessage.diagnostic(for: syntax, template: template))
            }
        }
        for template in templates {
            for reference in TemplateReferences.scan(template.text) where owners[reference.name] == nil {
                let kind = reference.isParent ? "parent template" : "partial"
                diagnostics.append(.error("\(kind) '\(reference.name)' does not exist in the theme",
                                          at: SourceLocation(file: template.path, line: reference.line, column: reference.column)))
            }
        }
        diagnostics += Self.cycles(in: templates, known: Set(owners.keys))
        guard diagnostics.isEmpty, let library else { throw DiagnosticError(diagnostics.sortedByLocation()) }
        self.library = library
        self.layouts = Set(templates.filter { $0.role == .layout }.map(\.name))
        self.strings = strings
        self.templateDigests = Self.digests(of: templates)
    }

    private static func digests(of templates: [TemplateSource]) -> [String: UInt64] {
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
                queue += TemplateReferences.scan(included.text).map(\.name)
            }
            result[template.name] = digest.value
        }
        return result
    }

    /// Rendering would recurse without end through a partial that includes itself, directly or
    /// through others: refuse such a theme, naming the chain, at the reference that closes it.
    static func cycles(in templates: [TemplateSource], known: Set<String>) -> [Diagnostic] {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        func visit(_ name: String, chain: [String]) {
            guard let template = byName[name] else { return }
            for reference in TemplateReferences.scan(template.text) where known.contains(reference.name) {
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

/// Partial (`{{> name}}`) and parent (`{{< name}}`) names a template refers to, with positions.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    static func scan(_ text: String) -> [Reference] {
        var references: [Reference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                // A comment runs to its first `}}`: a partial written inside it is not a reference.
                if afterOpen.first == "!", let close = afterOpen.firstRange(of: "}}") {
                    rest = afterOpen[close.upperBound...]
                    continue
                }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                      let close = afterOpen.firstRange(of: "}}") else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen.dropFirst()[..<close.lowerBound].trimmingCharacters(in: " ")
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append(Reference(name: name, isParent: sigil == "<", line: index + 1, column: column))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
