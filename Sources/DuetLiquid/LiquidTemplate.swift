import DuetModel

/// A parsed template, ready to render as often as needed.
///
///     let template = LiquidTemplate(LiquidSource(text: "Hi {{ page.title }}", path: "x.md"))
///     let (html, diagnostics) = template.render(in: environment)
public struct LiquidTemplate: Sendable {
    let source: LiquidSource
    let nodes: [LiquidNode]
    /// Problems found while parsing; `render` reports them with its own.
    public let diagnostics: [Diagnostic]

    public init(_ source: LiquidSource) {
        self.source = source
        (nodes, diagnostics) = LiquidParser.parse(source)
    }

    /// The output and every diagnostic of parsing and rendering, in the template's order.
    public func render(in environment: LiquidEnvironment) -> (String, [Diagnostic]) {
        var evaluator = LiquidEvaluator(environment: environment, source: source)
        var output = ""
        evaluator.render(nodes, into: &output)
        return (output, diagnostics + evaluator.diagnostics)
    }
}
