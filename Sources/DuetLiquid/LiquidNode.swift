/// The parsed template: a tree the evaluator walks. Offsets point into the template's bytes.
indirect enum LiquidNode: Sendable {
    case text(String)
    case output(LiquidFilteredExpression, source: String, offset: Int)
    case assign(String, LiquidFilteredExpression, offset: Int)
    case capture(String, [LiquidNode])
    /// `if`/`elsif`/`else` and `unless` (its first condition negated).
    case conditional([Branch])
    /// `case`/`when`: unlike `if`, every matching `when` renders; `else` only when none did.
    case caseWhen([Branch])
    case forLoop(ForLoop)
    case interrupt(Interrupt)
    case highlight(language: String, body: [LiquidNode], offset: Int)
    case include(file: LiquidExpression, parameters: [(String, LiquidExpression)], offset: Int)
    case postURL(String, offset: Int)
    case link(String, offset: Int)
    case counter(String, step: Int)
    case cycle([LiquidExpression], offset: Int)

    struct Branch: Sendable {
        /// `nil` for `else`.
        var condition: LiquidCondition?
        var negated: Bool = false
        var body: [LiquidNode]
    }

    enum Interrupt: Sendable {
        case breakLoop
        case continueLoop
    }

    struct ForLoop: Sendable {
        var variable: String
        var collection: LiquidExpression
        var limit: LiquidExpression?
        var offsetBy: LiquidExpression?
        var reversed: Bool
        var body: [LiquidNode]
        var empty: [LiquidNode]
        var offset: Int
    }
}
