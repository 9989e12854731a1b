import DuetModel

/// Tokens -> tree. Every problem is a located diagnostic; parsing goes on after one, so an author
/// sees every mistake of a post at once. A tag Duet does not know stays in the output as the text
/// the author wrote, with a warning naming it.
struct LiquidParser {
    private let source: LiquidSource
    private let tokens: [LiquidToken]
    private var position = 0
    private var depth = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Blocks inside blocks deeper than this are a mistake, not a post (and would exhaust the stack).
    static let maxDepth = 100

    static let blockTags: Set<String> = ["if", "unless", "case", "for", "capture", "highlight"]
    static let knownTags: Set<String> = blockTags.union([
        "assign", "include", "include_relative", "post_url", "link", "break", "continue", "increment", "decrement",
        "cycle", "echo", "else", "elsif", "when",
    ])

    static func parse(_ source: LiquidSource) -> ([LiquidNode], [Diagnostic]) {
        let (tokens, lexing) = LiquidLexer.tokenize(source)
        var parser = LiquidParser(source: source, tokens: tokens)
        let (nodes, _) = parser.block(until: [])
        return (nodes, lexing + parser.diagnostics)
    }

    private init(source: LiquidSource, tokens: [LiquidToken]) {
        self.source = source
        self.tokens = tokens
    }

    private mutating func error(_ message: String, at offset: Int) {
        diagnostics.append(.error(message, at: source.location(offset)))
    }

    /// Nodes up to one of the `until` tags (returned, consumed), or the end of the template.
    private mutating func block(until terminators: Set<String>) -> ([LiquidNode], LiquidToken?) {
        var nodes: [LiquidNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token.kind {
            case .text:
                nodes.append(.text(token.content))
            case .output:
                if let expression = scan(token, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.filtered(offset: token.offset) }) {
                    nodes.append(.output(expression, source: token.source, offset: token.offset))
                }
            case .tag(let name):
                if terminators.contains(name) { return (nodes, token) }
                if let node = tag(name, token) { nodes.append(node) }
            }
        }
        return (nodes, nil)
    }

    private mutating func scan<T>(_ token: LiquidToken, _ body: (inout LiquidMarkupScanner) throws(LiquidMarkupScanner.Failure) -> T) -> T? {
        do {
            var scanner = try LiquidMarkupScanner(token.content)
            return try body(&scanner)
        } catch {
            let what = token.kind == .output ? "{{ \(token.content) }}" : "{% \(String(token.source.dropFirst(2).dropLast(2)).trimmingWhitespace) %}"
            self.error("Liquid syntax error in '\(what)': \(error.message)", at: token.offset)
            return nil
        }
    }

    private mutating func tag(_ name: String, _ token: LiquidToken) -> LiquidNode? {
        if Self.blockTags.contains(name), depth >= Self.maxDepth {
            error("'{% \(name) %}' is nested more than \(Self.maxDepth) blocks deep", at: token.offset)
            position = tokens.count
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        switch name {
        case "if", "unless": return conditional(name, token)
        case "case": return caseWhen(token)
        case "for": return forLoop(token)
        case "capture":
            let variable = token.content.split(separator: " ").first.map(String.init) ?? ""
            let (body, end) = block(until: ["endcapture"])
            if end == nil { unclosed(token) }
            return .capture(variable, body)
        case "highlight":
            let words = token.content.split(whereSeparator: \.isWhitespace)
            let (body, end) = block(until: ["endhighlight"])
            if end == nil { unclosed(token) }
            return .highlight(language: words.first.map(String.init) ?? "", body: body, offset: token.offset)
        case "assign":
            guard let equals = token.content.firstIndex(of: "=") else {
                error("Liquid syntax error: '{% assign \(token.content) %}' needs 'name = value'", at: token.offset)
                return nil
            }
            let variable = token.content[..<equals].trimmingCharacters(in: .whitespaces)
            var value = token
            value.content = String(token.content[token.content.index(after: equals)...])
            return scan(value, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.filtered(offset: token.offset) })
                .map { .assign(variable, $0, offset: token.offset) }
        case "echo":
            return scan(token, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.filtered(offset: token.offset) })
                .map { .output($0, source: token.source, offset: token.offset) }
        case "include", "include_relative": return include(token)
        case "post_url": return .postURL(token.content, offset: token.offset)
        case "link": return .link(token.content, offset: token.offset)
        case "break": return .interrupt(.breakLoop)
        case "continue": return .interrupt(.continueLoop)
        case "increment", "decrement": return .counter(token.content, step: name == "increment" ? 1 : -1)
        case "cycle":
            return scan(token, { scanner throws(LiquidMarkupScanner.Failure) in
                var values: [LiquidExpression] = []
                if case .string = scanner.peek, scanner.peek(1) == .symbol(":") { _ = scanner.next(); _ = scanner.next() }
                repeat { values.append(try scanner.expression()) } while scanner.skip(",")
                return values
            }).map { .cycle($0, offset: token.offset) }
        case "else", "elsif", "when", "empty":
            error("'{% \(name) %}' outside the block it belongs to", at: token.offset)
            return .text(token.source)
        default:
            if name.hasPrefix("end"), Self.blockTags.contains(String(name.dropFirst(3))) || name == "endraw" || name == "endcomment" {
                error("'{% \(name) %}' has no opening '{% \(name.dropFirst(3)) %}'", at: token.offset)
            } else {
                diagnostics.append(.warning("unknown Liquid tag '\(name)' left as text (Duet does not know it)",
                                            at: source.location(token.offset)))
            }
            return .text(token.source)
        }
    }

    private mutating func unclosed(_ token: LiquidToken) {
        guard case .tag(let name) = token.kind else { return }
        error("'{% \(name) %}' is never closed with '{% end\(name) %}'", at: token.offset)
    }

    private mutating func conditional(_ name: String, _ token: LiquidToken) -> LiquidNode {
        var branches: [LiquidNode.Branch] = []
        var opener = token
        var condition = scan(token, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.condition() })
        var negated = name == "unless"
        var isElse = false
        while true {
            let (body, end) = block(until: ["elsif", "else", "end" + name])
            if isElse { branches.append(.init(condition: nil, body: body)) }
            else { branches.append(.init(condition: condition ?? .value(.literal(.bool(false))), negated: negated, body: body)) }
            guard let end else {
                unclosed(token)
                return .conditional(branches)
            }
            guard case .tag(let endName) = end.kind, endName != "end" + name else { return .conditional(branches) }
            if isElse { error("'{% \(endName) %}' after '{% else %}'", at: end.offset) }
            isElse = endName == "else"
            negated = false
            opener = end
            condition = endName == "elsif" ? scan(opener, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.condition() }) : nil
        }
    }

    private mutating func caseWhen(_ token: LiquidToken) -> LiquidNode {
        let subject = scan(token, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.expression() }) ?? .literal(.null)
        var branches: [LiquidNode.Branch] = []
        var (_, next) = block(until: ["when", "else", "endcase"])
        while let marker = next, case .tag(let name) = marker.kind, name != "endcase" {
            var values: [LiquidExpression] = []
            if name == "when" {
                values = scan(marker, { scanner throws(LiquidMarkupScanner.Failure) -> [LiquidExpression] in
                    var values: [LiquidExpression] = []
                    repeat { values.append(try scanner.expression()) } while scanner.skip(",") || scanner.skip(word: "or")
                    return values
                }) ?? []
            }
            let (body, end) = block(until: ["when", "else", "endcase"])
            if name == "when" {
                guard let first = values.first else { next = end; continue }
                var condition = LiquidCondition.compare(subject, "==", first)
                for value in values.dropFirst() { condition = .or(condition, .compare(subject, "==", value)) }
                branches.append(.init(condition: condition, body: body))
            } else {
                branches.append(.init(condition: nil, body: body))
            }
            next = end
        }
        if next == nil { unclosed(token) }
        return .caseWhen(branches)
    }

    private mutating func forLoop(_ token: LiquidToken) -> LiquidNode? {
        let header = scan(token, { scanner throws(LiquidMarkupScanner.Failure) -> LiquidNode.ForLoop in
            let variable = try scanner.identifier()
            guard scanner.skip(word: "in") else { throw .init(message: "expected 'in' after '\(variable)'") }
            var loop = LiquidNode.ForLoop(variable: variable, collection: try scanner.expression(), limit: nil, offsetBy: nil,
                                          reversed: false, body: [], empty: [], offset: token.offset)
            while let next = scanner.next() {
                switch next {
                case .identifier("reversed"): loop.reversed = true
                case .identifier("limit"): try scanner.expect(":"); loop.limit = try scanner.expression()
                case .identifier("offset"): try scanner.expect(":"); loop.offsetBy = try scanner.expression()
                case .symbol(","): continue
                case let other: throw .init(message: "unexpected \(other.display)")
                }
            }
            return loop
        })
        let (body, end) = block(until: ["else", "endfor"])
        var emptyBody: [LiquidNode] = []
        if let end, end.kind == .tag(name: "else") {
            let (rest, close) = block(until: ["endfor"])
            emptyBody = rest
            if close == nil { unclosed(token) }
        } else if end == nil {
            unclosed(token)
        }
        guard var loop = header else { return nil }
        loop.body = body
        loop.empty = emptyBody
        return .forLoop(loop)
    }

    /// `{% include file.html key=value key2="text" %}`; the file may also be quoted or a variable.
    private mutating func include(_ token: LiquidToken) -> LiquidNode? {
        let markup = token.content
        let name = markup.prefix { !$0.isWhitespace }
        var file = LiquidExpression.literal(.string(String(name)))
        if name.hasPrefix("{{"), let close = markup.range(of: "}}") {
            let inner = String(markup[markup.index(markup.startIndex, offsetBy: 2)..<close.lowerBound])
            var variable = token
            variable.content = inner
            guard let expression = scan(variable, { scanner throws(LiquidMarkupScanner.Failure) in try scanner.expression() }) else { return nil }
            file = expression
            return includeParameters(String(markup[close.upperBound...]), token, file: file)
        }
        if let quote = name.first, quote == "\"" || quote == "'" {
            file = .literal(.string(String(name.dropFirst().dropLast())))
        }
        return includeParameters(String(markup.dropFirst(name.count)), token, file: file)
    }

    private mutating func includeParameters(_ rest: String, _ token: LiquidToken, file: LiquidExpression) -> LiquidNode? {
        var parameters = token
        parameters.content = rest
        return scan(parameters, { scanner throws(LiquidMarkupScanner.Failure) in
            var pairs: [(String, LiquidExpression)] = []
            while !scanner.isAtEnd {
                let key = try scanner.identifier()
                if !scanner.skip("=") { try scanner.expect(":") }
                pairs.append((key, try scanner.expression()))
                _ = scanner.skip(",")
            }
            return pairs
        }).map { .include(file: file, parameters: $0, offset: token.offset) }
    }
}

import Foundation
