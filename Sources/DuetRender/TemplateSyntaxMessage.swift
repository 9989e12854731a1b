import DuetModel
import Mustache

/// swift-mustache names its parse errors for programmers (`expectedSectionEnd`) and places an
/// unclosed section at the end of the file. This turns them into a sentence a theme author can
/// act on, placed at the tag that needs fixing when it can be found.
enum TemplateSyntaxMessage {
    static func diagnostic(for error: MustacheTemplate.ParserError, template: TemplateSource) -> Diagnostic {
        let fallback = SourceLocation(file: template.path, line: error.context.lineNumber, column: error.context.columnNumber)
        switch error.error {
        case MustacheTemplate.Error.expectedSectionEnd:
            if let open = SectionTags.unclosed(in: template.text) {
                return .error("template syntax error: section '{{\(open.sigil)\(open.name)}}' is never closed (add '{{/\(open.name)}}')",
                              at: SourceLocation(file: template.path, line: open.line, column: open.column))
            }
            return .error("template syntax error: a section is never closed", at: fallback)
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            return .error("template syntax error: this closing tag does not match the section it closes", at: fallback)
        case MustacheTemplate.Error.unfinishedName:
            return .error("template syntax error: a tag is not finished (a '}}' is missing or the name is invalid)", at: fallback)
        case MustacheTemplate.Error.invalidSetDelimiter:
            return .error("template syntax error: invalid set-delimiter tag (write it as {{=<% %>=}})", at: fallback)
        case let other:
            return .error("template syntax error: \(other)", at: fallback)
        }
    }
}

/// Section tags (`{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`, `{{/name}}`) with positions,
/// matched with a stack to find the first section left open.
enum SectionTags {
    struct Open: Equatable {
        var sigil: Character
        var name: String
        var line: Int
        var column: Int
    }

    static func unclosed(in text: String) -> Open? {
        var stack: [Open] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                let inside = rest[open.upperBound...].drop { $0 == " " }
                guard let close = inside.firstRange(of: "}}") else { break }
                let tag = inside[..<close.lowerBound]
                if let sigil = tag.first, "#^$</".contains(sigil) {
                    let name = String(tag.dropFirst().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                    if sigil == "/" {
                        if let last = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(last...) }
                    } else {
                        stack.append(Open(sigil: sigil, name: name, line: index + 1,
                                          column: line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                    }
                }
                rest = inside[close.upperBound...]
            }
        }
        return stack.first
    }
}
