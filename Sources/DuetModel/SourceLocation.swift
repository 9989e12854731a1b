/// Where a problem or a value came from, so every diagnostic can point an editor at it.
///
/// `line` and `column` are 1-based; `column` counts characters (Unicode scalars), not bytes,
/// so that a caret under a Chinese line lands on the right character. Zero means "unknown".
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, or fewer parts when they are unknown: the form compilers print and editors link.
    public var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
