import DuetLiquid
import DuetModel

/// Renders `template` with top-level variables, the way a post's body is rendered.
func render(_ template: String, _ variables: [(String, LiquidValue)] = [], environment: LiquidEnvironment? = nil)
    -> (String, [Diagnostic]) {
    var environment = environment ?? LiquidEnvironment()
    for (key, value) in variables { environment.globals[key] = value }
    return LiquidTemplate(LiquidSource(text: template, path: "t.md")).render(in: environment)
}

func output(_ template: String, _ variables: [(String, LiquidValue)] = []) -> String {
    render(template, variables).0
}

func list(_ items: LiquidValue...) -> LiquidValue { .array(items) }
func object(_ pairs: (String, LiquidValue)...) -> LiquidValue { .object(LiquidObject(pairs)) }
