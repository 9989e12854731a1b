import DuetModel

/// Walks the tree. Bounded: includes nest at most `maxIncludeDepth` deep and the whole render
/// takes at most `maxSteps` steps, so a self-including file or a huge range stops with an error
/// rather than hanging the build.
struct LiquidEvaluator {
    let environment: LiquidEnvironment
    private var source: LiquidSource
    private var scopes: [LiquidObject] = [LiquidObject()]
    private var counters: [String: Int] = [:]
    private var cycles: [String: Int] = [:]
    /// `(include path, where it was included)`: names the chain in diagnostics.
    private var includeChain: [(path: String, from: SourceLocation)] = []
    private var steps = 0
    private var halted = false
    private var interrupt: LiquidNode.Interrupt?
    private(set) var diagnostics: [Diagnostic] = []

    init(environment: LiquidEnvironment, source: LiquidSource) {
        self.environment = environment
        self.source = source
    }

    // MARK: diagnostics

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(severity, message + chainNote, at: source.location(offset)))
    }

    /// ` (included from a.html:1:4, from post.md:6:1)`: the way from the document to the include.
    private var chainNote: String {
        includeChain.isEmpty ? "" : " (included from " + includeChain.reversed().map { "\($0.from)" }.joined(separator: ", from ") + ")"
    }

    private mutating func step(at offset: Int) -> Bool {
        guard !halted else { return false }
        steps += 1
        if steps > environment.maxSteps {
            report(.error, "Liquid stopped after \(environment.maxSteps) steps: a loop that does not end?", at: offset)
            halted = true
        }
        return !halted
    }

    // MARK: rendering

    mutating func render(_ nodes: [LiquidNode], into output: inout String) {
        for node in nodes {
            guard interrupt == nil, !halted else { return }
            render(node, into: &output)
        }
    }

    private mutating func render(_ node: LiquidNode, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .output(let expression, let written, let offset):
            guard step(at: offset) else { return }
            if let value = evaluate(expression, at: offset) { output += value.text } else { output += written }
        case .assign(let name, let expression, let offset):
            guard step(at: offset) else { return }
            scopes[0][name] = evaluate(expression, at: offset) ?? .null
        case .capture(let name, let body):
            var captured = ""
            render(body, into: &captured)
            scopes[0][name] = .string(captured)
        case .conditional(let branches):
            for branch in branches {
                guard let condition = branch.condition else { render(branch.body, into: &output); return }
                if test(condition) != branch.negated {
                    render(branch.body, into: &output)
                    return
                }
            }
        case .caseWhen(let branches):
            var matched = false
            for branch in branches {
                if let condition = branch.condition {
                    if test(condition) { matched = true; render(branch.body, into: &output) }
                } else if !matched {
                    render(branch.body, into: &output)
                }
            }
        case .forLoop(let loop):
            renderLoop(loop, into: &output)
        case .interrupt(let kind):
            interrupt = kind
        case .highlight(let language, let body, _):
            var code = ""
            render(body, into: &code)
            output += environment.highlight(language, Self.trimmingBlankLines(code))
        case .include(let file, let parameters, let offset):
            renderInclude(file, parameters, at: offset, into: &output)
        case .postURL(let name, let offset):
            if let url = environment.postURL(name.trimmingWhitespace) { output += environment.baseurl + url }
            else { report(.error, "post_url: there is no post '\(name)'", at: offset) }
        case .link(let path, let offset):
            if let url = environment.link(path.trimmingWhitespace) { output += environment.baseurl + url }
            else { report(.error, "link: there is no file '\(path)'", at: offset) }
        case .counter(let name, let stepBy):
            let value = counters[name] ?? 0
            counters[name] = value + stepBy
            output += String(stepBy > 0 ? value : value + stepBy)
        case .cycle(let values, let offset):
            guard !values.isEmpty else { return }
            let key = values.map { "\($0)" }.joined(separator: ",")
            let index = cycles[key] ?? 0
            cycles[key] = (index + 1) % values.count
            output += value(of: values[index], at: offset).text
        }
    }

    /// Jekyll strips the newlines that follow `{% highlight %}` and precede `{% endhighlight %}`.
    static func trimmingBlankLines(_ code: String) -> String {
        var text = Substring(code)
        while let first = text.first, first == "\n" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    private mutating func renderLoop(_ loop: LiquidNode.ForLoop, into output: inout String) {
        let collection = value(of: loop.collection, at: loop.offset)
        var items: [LiquidValue]
        switch collection {
        case .array(let values): items = values
        case .object(let object): items = object.pairs.map { .array([.string($0.0), $0.1]) }
        case .null, .empty, .blank: items = []
        case .string(let text) where text.isEmpty: items = []
        case .string: items = [collection]
        default:
            report(.error, "for: '\(loop.variable)' cannot loop over \(collection.kindName)", at: loop.offset)
            return
        }
        if let offsetBy = loop.offsetBy {
            guard let count = value(of: offsetBy, at: loop.offset).number?.intValue else {
                report(.error, "for: offset must be a number", at: loop.offset)
                return
            }
            items = Array(items.dropFirst(max(count, 0)))
        }
        if let limit = loop.limit {
            guard let count = value(of: limit, at: loop.offset).number?.intValue else {
                report(.error, "for: limit must be a number", at: loop.offset)
                return
            }
            items = Array(items.prefix(max(count, 0)))
        }
        if loop.reversed { items.reverse() }
        guard !items.isEmpty else { render(loop.empty, into: &output); return }
        scopes.append(LiquidObject())
        defer { scopes.removeLast() }
        let parent = lookup("forloop")
        for (index, item) in items.enumerated() {
            guard step(at: loop.offset) else { return }
            scopes[scopes.count - 1][loop.variable] = item
            scopes[scopes.count - 1]["forloop"] = .object(LiquidObject([
                ("index", .int(index + 1)), ("index0", .int(index)), ("rindex", .int(items.count - index)),
                ("rindex0", .int(items.count - index - 1)), ("first", .bool(index == 0)),
                ("last", .bool(index == items.count - 1)), ("length", .int(items.count)), ("parentloop", parent),
            ]))
            render(loop.body, into: &output)
            if interrupt == .breakLoop { interrupt = nil; break }
            interrupt = nil
        }
    }

    private mutating func renderInclude(_ file: LiquidExpression, _ parameters: [(String, LiquidExpression)],
                                        at offset: Int, into output: inout String) {
        let name = value(of: file, at: offset).text
        let here = source.location(offset)
        if includeChain.contains(where: { $0.path.hasSuffix("/" + name) || $0.path == name }) {
            report(.error, "include: '\(name)' includes itself", at: offset)
            return
        }
        guard includeChain.count < environment.maxIncludeDepth else {
            report(.error, "include: more than \(environment.maxIncludeDepth) includes inside one another", at: offset)
            return
        }
        guard let included = environment.include(name) else {
            report(.error, "include: there is no file '\(name)' in the includes folder", at: offset)
            return
        }
        let arguments = LiquidObject(parameters.map { ($0.0, value(of: $0.1, at: offset)) })
        let template = LiquidTemplate(LiquidSource(text: included.text, path: included.path))
        let outer = source
        includeChain.append((included.path, here))
        source = template.source
        for diagnostic in template.diagnostics {
            var located = diagnostic
            located.message += chainNote
            diagnostics.append(located)
        }
        scopes.append(LiquidObject([("include", .object(arguments))]))
        render(template.nodes, into: &output)
        scopes.removeLast()
        source = outer
        includeChain.removeLast()
    }

    // MARK: values

    func lookup(_ name: String) -> LiquidValue {
        for scope in scopes.reversed() { if let value = scope[name] { return value } }
        return environment.globals[name] ?? .null
    }

    mutating func value(of expression: LiquidExpression, at offset: Int) -> LiquidValue {
        switch expression {
        case .literal(let value): return value
        case .range(let low, let high):
            guard let from = value(of: low, at: offset).number?.intValue, let to = value(of: high, at: offset).number?.intValue else {
                report(.error, "a range needs whole numbers at both ends", at: offset)
                return .array([])
            }
            guard to >= from else { return .array([]) }
            let (span, overflow) = to.subtractingReportingOverflow(from)
            guard !overflow, span < environment.maxSteps else {
                report(.error, "the range (\(from)..\(to)) is too long", at: offset)
                return .array([])
            }
            return .array((from...to).map(LiquidValue.int))
        case .variable(let name, let path):
            var current = name.isEmpty ? LiquidValue.null : lookup(name)
            for (position, segment) in path.enumerated() {
                switch segment {
                case .key(let key): current = current.member(.string(key))
                case .index(let index):
                    let key = value(of: index, at: offset)
                    current = name.isEmpty && position == 0 ? lookup(key.text) : current.member(key)
                }
            }
            return current
        }
    }

    /// The value after its filters; nil when a filter is unknown (the output stays as written).
    mutating func evaluate(_ expression: LiquidFilteredExpression, at offset: Int) -> LiquidValue? {
        var current = value(of: expression.base, at: offset)
        for call in expression.filters {
            let arguments = call.arguments.map { value(of: $0, at: offset) }
            var keywords: [String: LiquidValue] = [:]
            for (key, argument) in call.keywords { keywords[key] = value(of: argument, at: offset) }
            if call.name == "where_exp" || call.name == "find_exp" {
                current = filterByExpression(current, arguments, first: call.name == "find_exp", at: offset)
                continue
            }
            guard let filter = LiquidFilters.named[call.name] else {
                report(.warning, "unknown Liquid filter '\(call.name)' left as text (Duet does not know it)", at: offset)
                return nil
            }
            do {
                current = try filter(LiquidFilters.Call(input: current, arguments: arguments, keywords: keywords,
                                                         environment: environment))
            } catch {
                report(.error, "\(call.name): \(error.message)", at: offset)
                return .null
            }
        }
        return current
    }

    /// Jekyll's `where_exp: "post", "post.lang == page.lang"`: the condition is Liquid, so it is
    /// evaluated here, with the item bound to the name, rather than as a plain filter.
    private mutating func filterByExpression(_ input: LiquidValue, _ arguments: [LiquidValue], first: Bool, at offset: Int) -> LiquidValue {
        guard case .array(let items) = input else {
            if input != .null { report(.error, "where_exp: expected a list, found \(input.kindName)", at: offset) }
            return first ? .null : .array([])
        }
        let name = arguments.first?.text ?? ""
        let condition: LiquidCondition
        do {
            var scanner = try LiquidMarkupScanner(arguments.dropFirst().first?.text ?? "")
            condition = try scanner.condition()
        } catch {
            report(.error, "where_exp: \(error.message)", at: offset)
            return .array([])
        }
        scopes.append(LiquidObject())
        defer { scopes.removeLast() }
        var kept: [LiquidValue] = []
        for item in items {
            guard step(at: offset) else { break }
            scopes[scopes.count - 1][name] = item
            if test(condition) {
                if first { return item }
                kept.append(item)
            }
        }
        return first ? .null : .array(kept)
    }

    mutating func test(_ condition: LiquidCondition) -> Bool {
        switch condition {
        case .value(let expression): return value(of: expression, at: 0).isTruthy
        case .and(let left, let right): return test(left) && test(right)
        case .or(let left, let right): return test(left) || test(right)
        case .compare(let left, let op, let right):
            return LiquidComparison.compare(value(of: left, at: 0), op, value(of: right, at: 0))
        }
    }
}

extension LiquidNumber {
    var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.isFinite && abs(value) < 9e18 ? Int(value) : nil
        }
    }
}
