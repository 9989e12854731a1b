/// A value in markup: a literal, a variable path (`page.tags[0]`), or a range `(1..n)`.
indirect enum LiquidExpression: Hashable, Sendable {
    case literal(LiquidValue)
    case variable(String, [Segment])
    case range(LiquidExpression, LiquidExpression)

    enum Segment: Hashable, Sendable {
        case key(String)
        case index(LiquidExpression)
    }
}

/// `expression | filter: a, b, key: c | ...`
struct LiquidFilteredExpression: Hashable, Sendable {
    var base: LiquidExpression
    var filters: [LiquidFilterCall]
}

struct LiquidFilterCall: Hashable, Sendable {
    var name: String
    var arguments: [LiquidExpression]
    var keywords: [String: LiquidExpression]
    /// Byte offset of the filter name in the template, for diagnostics.
    var offset: Int
}

/// `a == b and c contains "x" or d`: Liquid groups from the right (`a or (b and c)`).
indirect enum LiquidCondition: Hashable, Sendable {
    case value(LiquidExpression)
    case compare(LiquidExpression, String, LiquidExpression)
    case and(LiquidCondition, LiquidCondition)
    case or(LiquidCondition, LiquidCondition)
}
