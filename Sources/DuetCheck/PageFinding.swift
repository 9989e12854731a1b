import DuetModel

/// A problem in one output page, before it is traced back to a source file: the page, the tag's
/// position in it, and the text an author would have typed (the href or src), so the locator can
/// find that text in the page's Markdown.
public struct PageFinding: Hashable, Sendable {
    public var severity: Diagnostic.Severity
    public var message: String
    /// Output path of the page, `en/x/index.html`.
    public var page: String
    public var line: Int
    public var column: Int
    /// The attribute value as written in the page; nil when the problem is the theme's alone.
    public var needle: String?

    public init(_ severity: Diagnostic.Severity, _ message: String, page: String, line: Int = 0, column: Int = 0,
                needle: String? = nil) {
        self.severity = severity
        self.message = message
        self.page = page
        self.line = line
        self.column = column
        self.needle = needle
    }

    init(_ severity: Diagnostic.Severity, _ message: String, page: String, tag: HTMLTag, needle: String? = nil) {
        self.init(severity, message, page: page, line: tag.line, column: tag.column, needle: needle)
    }
}
