extension String {
    /// This text as a JSON string literal: quotes, backslashes and control characters escaped, the
    /// rest as UTF-8. `<` is escaped too (`\u003c`), so the literal is safe inside `<script>`, where
    /// `</script` would end the element early and `<!--` would change how it is parsed.
    public var jsonQuoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
