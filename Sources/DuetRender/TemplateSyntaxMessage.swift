import DuetModel
import DuetTemplate

/// The parser places an unclosed section at the end of the file, where nothing needs fixing.
/// This turns each syntax error into a sentence a theme author can act on, placed at the tag
/// that needs fixing when it can be found.
enum TemplateSyntaxMessage {
    static func diagnostic(for error: TemplateSyntaxError, template: TemplateSource) -> Diagnostic {
        let fallback = SourceLocation(file: template.path, line: error.line, column: error.column)
        switch error.kind {
        case .unclosedSection:
            if let open = SectionTags.unclosed(in: template.text) {
                return .error("template syntax error: section '{{\(open.sigil)\(open.name)}}' is never closed (add '{{/\(open.name)}}')",
                              at: SourceLocation(file: template.path, line: open.line, column: open.column))
            }
            return .error("template syntax error: a section is never closed", at: fallback)
        case .mismatchedClose:
            return .error("template syntax error: this closing tag does not match the section it closes", at: fallback)
        case .unfinishedTag:
            return .error("template syntax error: a tag is not finished (a '}}' is missing or the name is invalid)", at: fallback)
        case .unclosedComment:
            return .error("template syntax error: a comment is never closed (a '}}' is missing)", at: fallback)
        case .invalidSetDelimiter:
            return .error("template syntax error: invalid set-delimiter tag (write it as {{=<% %>=}})", at: fallback)
        case .transformOnBlock:
            return .error("template syntax error: a block ('{{$name}}') cannot take a transform", at: fallback)
        case .illegalInsideParent:
            return .error("template syntax error: only blocks ('{{$name}}...{{/name}}') may stand inside a parent ('{{<name}}')", at: fallback)
        case .invalidPragma:
            return .error("template syntax error: unknown pragma (only {{% CONTENT_TYPE: HTML }} or TEXT)", at: fallback)
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
