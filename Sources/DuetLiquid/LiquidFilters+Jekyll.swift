import DuetModel

/// The filters Jekyll adds to Liquid: URLs against the site's base, dates, Markdown, JSON.
extension LiquidFilters {
    static let jekyll: [String: Filter] = [
        "relative_url": { call in call.input == .null ? .null : .string(relativeURL(call.input.text, call.environment)) },
        "absolute_url": { call in
            guard call.input != .null else { return .null }
            let text = call.input.text
            if URLText.hasScheme(text) { return .string(text) }
            var base = Substring(call.environment.url)
            while base.hasSuffix("/") { base = base.dropLast() }
            return .string(base + relativeURL(text, call.environment))
        },
        "markdownify": { call in .string(call.environment.markdownify(call.input.text)) },
        "jsonify": { call in .string(LiquidJSON.encode(call.input)) },
        "slugify": { call in .string(slugify(call.input.text, mode: call.arguments.isEmpty ? "default" : call.text(0))) },
        "number_of_words": { call in .int(call.input.text.split(whereSeparator: \.isWhitespace).count) },
        "date": { call throws(Failure) in
            let format = call.text(0)
            guard !format.isEmpty else { return call.input }
            return .string(LiquidDate.strftime(try date(call), format))
        },
        "date_to_xmlschema": { call throws(Failure) in .string(try date(call).iso8601) },
        "date_to_rfc822": { call throws(Failure) in .string(LiquidDate.strftime(try date(call), "%a, %d %b %Y %H:%M:%S %z")) },
        "date_to_string": { call throws(Failure) in
            .string(LiquidDate.jekyllString(try date(call), long: false, type: call.arguments.first?.text, style: call.arguments.dropFirst().first?.text))
        },
        "date_to_long_string": { call throws(Failure) in
            .string(LiquidDate.jekyllString(try date(call), long: true, type: call.arguments.first?.text, style: call.arguments.dropFirst().first?.text))
        },
    ]

    /// Jekyll's rule: the base and the path joined by one slash; absolute URLs left alone.
    static func relativeURL(_ path: String, _ environment: LiquidEnvironment) -> String {
        if URLText.hasScheme(path) || path.hasPrefix("//") { return path }
        var base = Substring(environment.baseurl)
        while base.hasPrefix("/") { base = base.dropFirst() }
        while base.hasSuffix("/") { base = base.dropLast() }
        var rest = Substring(path)
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        let joined = [base, rest].filter { !$0.isEmpty }.joined(separator: "/")
        return "/" + joined
    }

    private static func date(_ call: Call) throws(Failure) -> PublicationDate {
        switch call.input {
        case .date(let date): return date
        case .int(let seconds) where abs(seconds) < 1 << 40: return PublicationDate(secondsSinceEpoch: Int64(seconds), utcOffsetSeconds: 0)
        case .string(let text):
            if text == "now" || text == "today" { return call.environment.now }
            if let digits = Int64(text), abs(digits) < 1 << 40 { return PublicationDate(secondsSinceEpoch: digits, utcOffsetSeconds: 0) }
            if let date = call.environment.parseDate(text) { return date }
            throw Failure(message: "cannot read '\(text)' as a date")
        default:
            throw Failure(message: "expected a date, found \(call.input.kindName)")
        }
    }

    /// Jekyll's `slugify` modes: `default` keeps letters and digits of any script, `raw` only
    /// turns spaces into hyphens, `pretty` also keeps `._~!$&'()+,;=@`, `ascii` keeps ASCII.
    static func slugify(_ text: String, mode: String) -> String {
        if mode == "none" { return text }
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let keep: Bool
            switch mode {
            case "raw": keep = !scalar.properties.isWhitespace
            case "pretty": keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
            case "ascii": keep = scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            default: keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if keep {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result += String(scalar).lowercased()
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
