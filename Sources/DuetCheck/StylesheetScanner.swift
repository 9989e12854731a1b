/// The URLs a stylesheet makes the browser fetch: `url(...)` (fonts, background images) and
/// `@import "..."`. A web font imported from a blocked host leaves a page waiting on it, so these
/// count as loads just like `<link rel="stylesheet">`.
public enum StylesheetScanner {
    public struct Reference: Hashable, Sendable {
        public var url: String
        public var isImport: Bool
        public var line: Int
        public var column: Int
    }

    public static func references(in css: String) -> [Reference] {
        let scalars = Array(css.unicodeScalars)
        var references: [Reference] = []
        var index = 0
        var line = 1
        var lineStart = 0
        /// Set after `@import` without a quoted string: the `url(` that follows is the import.
        var pendingImport = false
        func matches(_ text: String, at position: Int) -> Bool {
            var probe = position
            for scalar in text.unicodeScalars {
                guard probe < scalars.count, scalars[probe].properties.lowercaseMapping == String(scalar) else { return false }
                probe += 1
            }
            return true
        }
        func skipSpaces(_ position: inout Int) {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        }
        /// A quoted string or, for `url(`, the bare text up to `)`.
        func readURL(_ position: inout Int, bareUntilParen: Bool) -> String? {
            skipSpaces(&position)
            guard position < scalars.count else { return nil }
            let quote = scalars[position]
            var value = String.UnicodeScalarView()
            if quote == "\"" || quote == "'" {
                position += 1
                while position < scalars.count, scalars[position] != quote, scalars[position] != "\n" {
                    value.append(scalars[position])
                    position += 1
                }
            } else if bareUntilParen {
                while position < scalars.count, scalars[position] != ")", !scalars[position].properties.isWhitespace {
                    value.append(scalars[position])
                    position += 1
                }
            } else {
                return nil
            }
            return String(value)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
                    index += 1
                }
                index += 2
            } else if matches("url(", at: index) {
                let column = index - lineStart + 1
                var position = index + 4
                if let url = readURL(&position, bareUntilParen: true), !url.isEmpty {
                    references.append(Reference(url: url, isImport: pendingImport, line: line, column: column))
                }
                pendingImport = false
                index = max(position, index + 4)
            } else if matches("@import", at: index) {
                let column = index - lineStart + 1
                var position = index + 7
                if let url = readURL(&position, bareUntilParen: false), !url.isEmpty {
                    references.append(Reference(url: url, isImport: true, line: line, column: column))
                } else {
                    pendingImport = true
                }
                // `@import url(...)` is read by the `url(` branch on the next turn.
                index = position
            } else {
                index += 1
            }
        }
        return references
    }
}
