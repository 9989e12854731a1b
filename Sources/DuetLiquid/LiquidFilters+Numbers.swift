import Foundation

extension LiquidFilters {
    static let numbers: [String: Filter] = [
        "plus": { call throws(Failure) in try arithmetic(call, &+, +) },
        "minus": { call throws(Failure) in try arithmetic(call, &-, -) },
        "times": { call throws(Failure) in try arithmetic(call, &*, *) },
        "divided_by": { call throws(Failure) in
            guard let divisor = call.argument(0).number else { throw Failure(message: "expected a number to divide by, found \(call.argument(0).kindName)") }
            if case .int(0) = divisor { throw Failure(message: "divided by 0") }
            return try arithmetic(call, floorDivision, /)
        },
        "modulo": { call throws(Failure) in
            if case .int(0) = call.argument(0).number { throw Failure(message: "divided by 0") }
            return try arithmetic(call, { a, b in a &- b &* floorDivision(a, b) }, { a, b in a - b * (a / b).rounded(.down) })
        },
        "abs": { call throws(Failure) in
            switch try number(call.input) {
            case .int(let value): return .int(abs(value))
            case .double(let value): return .double(abs(value))
            }
        },
        "ceil": { call throws(Failure) in whole(try number(call.input).double.rounded(.up)) },
        "floor": { call throws(Failure) in whole(try number(call.input).double.rounded(.down)) },
        "round": { call throws(Failure) in
            let digits = try call.integer(0, default: 0)
            let value = try number(call.input).double
            guard digits > 0 else { return whole(value.rounded(.toNearestOrAwayFromZero)) }
            let scale = pow(10, Double(min(digits, 15)))
            return .double((value * scale).rounded(.toNearestOrAwayFromZero) / scale)
        },
        "at_least": { call throws(Failure) in
            let (a, b) = (try number(call.input), try number(call.argument(0)))
            return a.double >= b.double ? a.value : b.value
        },
        "at_most": { call throws(Failure) in
            let (a, b) = (try number(call.input), try number(call.argument(0)))
            return a.double <= b.double ? a.value : b.value
        },
    ]

    /// Ruby's integer division rounds down (`-7 / 2` is -4); `Int.min / -1` wraps instead of trapping.
    static func floorDivision(_ a: Int, _ b: Int) -> Int {
        let (quotient, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return quotient }
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// A rounded number as an integer when it fits one.
    private static func whole(_ value: Double) -> LiquidValue {
        value.isFinite && abs(value) < 9e18 ? .int(Int(value)) : .double(value)
    }

    static func number(_ value: LiquidValue) throws(Failure) -> LiquidNumber {
        if value == .null { return .int(0) }
        guard let number = value.number else { throw Failure(message: "expected a number, found \(value.kindName) '\(value.text)'") }
        return number
    }

    private static func arithmetic(_ call: Call, _ integer: (Int, Int) -> Int, _ real: (Double, Double) -> Double) throws(Failure) -> LiquidValue {
        let (a, b) = (try number(call.input), try number(call.argument(0)))
        if case .int(let x) = a, case .int(let y) = b { return .int(integer(x, y)) }
        return .double(real(a.double, b.double))
    }
}
