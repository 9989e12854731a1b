/// `jsonify`: Ruby's `to_json` of a Liquid value (keys in their written order).
enum LiquidJSON {
    static func encode(_ value: LiquidValue) -> String {
        switch value {
        case .null, .empty, .blank: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return LiquidValue.format(number)
        case .string(let text): return text.jsonQuoted
        case .date(let date): return LiquidDate.strftime(date, "%Y-%m-%d %H:%M:%S %z").jsonQuoted
        case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.pairs.map { $0.0.jsonQuoted + ":" + encode($0.1) }.joined(separator: ",") + "}"
        }
    }
}

import DuetModel
