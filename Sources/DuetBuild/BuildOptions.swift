import Foundation

/// What `duet build` was asked to do. Paths are kept as the user typed them, because diagnostics
/// print them that way.
public struct BuildOptions: Sendable {
    public var source: String
    public var theme: String
    /// How diagnostics name the theme folder when that is not its path (the built-in theme's copy).
    public var themeDisplay: String?
    public var output: String
    public var includeDrafts: Bool
    public var includeFuture: Bool
    public var strict: Bool
    public var baseURL: String?
    /// The moment that decides which posts are "future"; passed in, never read inside the pipeline.
    public var now: Date
    /// Where the incremental build cache lives (`.duet-cache`); nil builds everything every time.
    public var cacheDirectory: String?
    /// Incremental builds replace changed files inside the output folder (the preview server)
    /// rather than staging a new folder and swapping it in whole (`duet build`).
    public var updatesInPlace = false
    /// What the last build in this process left (`duet serve`): its parse results and its record
    /// of the output folder, kept in memory instead of the cache file.
    public var session: BuildSession?
    /// Called (on the build's thread) once the pages of an incremental build are written, before
    /// its heavy outputs (EPUBs, search indexes, feeds, the sitemap): the preview reloads then.
    /// The files that changed since the last build of `session`, as the preview's watcher saw
    /// them (absolute paths): a save of bodies or stylesheets is applied to the last build's
    /// model (`PreviewEdit`); nil or empty builds from the files.
    public var changes: Set<String>?
    public var onPagesWritten: (@Sendable (BuildReport) -> Void)?
    /// Theme stylesheets and scripts under names that change with their contents (`duet build`);
    /// the preview keeps plain names, so a stylesheet edit rewrites the stylesheet and no page.
    public var fingerprintAssets = true
    /// Told the name of each phase as it starts, for a progress display; called on the build's thread.
    public var onPhase: (@Sendable (String) -> Void)?
    /// Polled between phases and before each page: true stops the build, writing nothing (the
    /// preview server's Ctrl-C). nil: the build always runs to its end.
    public var isCancelled: (@Sendable () -> Bool)?
    /// Polled before and during the outputs written after `onPagesWritten`: true (a newer save is
    /// waiting) leaves them to the next build, which the preview starts at once.
    public var isSuperseded: (@Sendable () -> Bool)?

    public init(source: String = "content", theme: String = "themes/default", output: String = "_site",
                includeDrafts: Bool = false, includeFuture: Bool = false, strict: Bool = false,
                baseURL: String? = nil, now: Date = Date(), cacheDirectory: String? = nil) {
        self.source = source
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.strict = strict
        self.baseURL = baseURL
        self.now = now
        self.cacheDirectory = cacheDirectory
    }
}
