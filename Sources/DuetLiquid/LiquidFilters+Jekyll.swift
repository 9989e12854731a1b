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
        case .int(let seconds): return PublicationDate(epochSeconds: Int64(seconds))
        case .string(let text):
            if text == "now" || text == "today" { return call.environment.now }
            if let digits = Int64(text) { return PublicationDate(epochSeconds: digits) }
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

extension PublicationDate {
    /// The UTC fields of an instant (`1152098955 | date`, `'now'`).
    public init(epochSeconds: Int64) {
        let days = Int(epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400)
        let seconds = Int(epochSeconds - Int64(days) * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: seconds / 3_600, minute: seconds % 3_600 / 60, second: seconds % 60)
    }
}
