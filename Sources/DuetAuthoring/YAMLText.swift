/// A front-matter value written so YAML reads back exactly the text: double-quoted, with the
/// few escapes YAML needs. Titles contain colons, quotes and `#` often enough to always quote.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += " "
            case "\t": result += " "
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
