import DuetModel

/// What a template can reach outside itself. Everything is a value or a pure closure, so the
/// interpreter does no I/O of its own: the caller decides where includes and URLs come from.
public struct LiquidEnvironment: Sendable {
    /// An include's text and the path its diagnostics name.
    public struct IncludeFile: Sendable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Top-level variables: `site`, `page`, and anything else the caller offers.
    public var globals: LiquidObject
    /// `site.url` (`https://example.org`) and `site.baseurl` (`/blog`), for the URL filters.
    public var url: String
    public var baseurl: String
    public var include: @Sendable (String) -> IncludeFile?
    /// `{% post_url 2021-09-21-name %}` -> the post's URL path, or nil when there is no such post.
    public var postURL: @Sendable (String) -> String?
    /// `{% link pages/about.md %}` -> that file's URL path.
    public var link: @Sendable (String) -> String?
    public var markdownify: @Sendable (String) -> String
    /// How the `date` filter reads text (the site's own lenient date parser).
    public var parseDate: @Sendable (String) -> PublicationDate? = { _ in nil }
    /// What `"now" | date: ...` means: passed in, so builds stay reproducible.
    public var now = PublicationDate(year: 1970, month: 1, day: 1)
    /// How `{% highlight %}` writes its block; by default the Markdown fenced block it stands for.
    public var highlight: @Sendable (_ language: String, _ code: String) -> String = LiquidEnvironment.fencedBlock
    /// Nested includes deeper than this are taken for runaway recursion.
    public var maxIncludeDepth = 10
    /// Nodes rendered and loop turns taken, in all: past this the template is stopped.
    public var maxSteps = 200_000

    public init(globals: LiquidObject = LiquidObject(), url: String = "", baseurl: String = "",
                include: @escaping @Sendable (String) -> IncludeFile? = { _ in nil },
                postURL: @escaping @Sendable (String) -> String? = { _ in nil },
                link: @escaping @Sendable (String) -> String? = { _ in nil },
                markdownify: @escaping @Sendable (String) -> String = { $0 }) {
        self.globals = globals
        self.url = url
        self.baseurl = baseurl
        self.include = include
        self.postURL = postURL
        self.link = link
        self.markdownify = markdownify
    }

    /// A fence longer than any run of backticks in the code, on lines of its own.
    public static func fencedBlock(language: String, code: String) -> String {
        var longest = 0, run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\n\(fence)\(language)\n\(code)\n\(fence)\n"
    }
}
