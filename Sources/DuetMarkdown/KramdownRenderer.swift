import DuetModel

/// Markdown with the kramdown syntax Jekyll authors write, through libcmark-gfm: attribute lists
/// (`{: .note}`, `[a](b){:target="_blank"}`, `## Title {#id}`) land on the element they follow,
/// `{::comment}` and `{::options}` are removed, `{:toc}` becomes a table of contents, and any
/// other kramdown extension is a warning at its line rather than text a reader meets unexplained.
///
/// A pass before cmark swaps each attribute list for a marker of private-use characters that
/// cmark passes through as text; a pass after it finds the markers in the HTML and moves the
/// attributes onto the right tag.
public struct KramdownRenderer: Sendable {
    public var markdown: MarkdownRenderer

    public init(markdown: MarkdownRenderer) {
        self.markdown = markdown
    }

    public func render(_ text: String, path: String, firstLine: Int = 1) -> (RenderedMarkdown, [Diagnostic]) {
        guard text.containsBytes("{:") || text.containsBytes("{#") || text.containsBytes("{.") || text.containsBytes("*[")
                || text.containsBytes("$$") || text.containsBytes("\n: ") else {
            return (markdown.render(text), [])
        }
        var prepass = KramdownPrepass(text: text, path: path, firstLine: firstLine)
        prepass.run()
        guard !prepass.lists.isEmpty else { return (markdown.render(prepass.output), prepass.diagnostics) }
        var postpass = KramdownPostpass(rendered: markdown.render(prepass.output), lists: prepass.lists)
        postpass.run()
        return (postpass.rendered, prepass.diagnostics + postpass.diagnostics)
    }
}

/// Markers: U+E000, one private-use character per list index, U+E001.
enum KramdownMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    static let digitBase: UInt32 = 0xE100

    static func text(_ index: Int) -> String {
        var result = String(Character(open))
        for digit in String(index, radix: 16) {
            result.unicodeScalars.append(Unicode.Scalar(digitBase + UInt32(digit.hexDigitValue ?? 0)) ?? open)
        }
        result.unicodeScalars.append(close)
        return result
    }
}

struct KramdownList {
    var attributes: KramdownAttributes
    var written: String
    var location: SourceLocation
    /// `{::nomarkdown}`: `written` is HTML to put back where the marker is.
    var isRawHTML = false
    /// Written on a line of its own: a block list, whatever cmark makes of the line break before it.
    var ownLine = false
}
