import DuetModel

/// JSON for the pages' `<script type="application/ld+json">`: keys sorted, slashes as they are,
/// and no `<` (inside `<script>`, `</script` would end the element early and `<!--` would change
/// how it is parsed). Hand-written because `JSONSerialization` cost 7 % of a full build.
indirect enum JSONText {
    case string(String)
    case number(Int)
    case array([JSONText])
    case object([String: JSONText])

    var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text):
            output += text.jsonQuoted
        case .number(let number):
            output += String(number)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                JSONText.string(key).write(to: &output)
                output += ":"
                members[key]?.write(to: &output)
            }
            output += "}"
        }
    }
}
