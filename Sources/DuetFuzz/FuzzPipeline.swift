import DuetBuild
import DuetModel
import DuetRender
import DuetSource
import Foundation

/// One fuzz input through the stages an author's file goes through: bytes -> front matter and
/// Markdown (libcmark-gfm) -> site graph -> every page rendered with the default theme. Bad input
/// may fail with a diagnostic; it must never crash, hang or touch memory it does not own.
///
/// An input holding a line `%%site.yml%%` is two files: the `site.yml` before it (permalink
/// patterns, languages, time zone) and the post after it.
enum FuzzPipeline {
    static let config = SiteConfig(
        titles: ["en": "Fuzz Review", "zh": "模糊评论"], baseURL: "https://fuzz.example/review/",
        languages: [Language(code: "en", tag: "en", name: "English"), Language(code: "zh", tag: "zh-Hans", name: "中文")],
        permalink: "/:lang/:year/:slug/", timeZone: "Asia/Shanghai")

    /// The default theme, read once: `DUET_FUZZ_THEME`, or `themes/default` under the working folder.
    static let theme: ThemeLoader.Loaded? = {
        let root = ProcessInfo.processInfo.environment["DUET_FUZZ_THEME"] ?? "themes/default"
        return try? SitePipeline.loadTheme(root, source: "/nonexistent-fuzz-content").get()
    }()

    /// Runs one input through the build's own pipeline (in memory); returns how many files were
    /// rendered (0 when the input was rejected).
    @discardableResult
    static func run(_ data: Data) -> Int {
        guard let theme else { return 0 }
        var configData: Data?
        var post = data
        if let split = data.firstRange(of: Data("\n%%site.yml%%\n".utf8)) {
            configData = Data(data[..<split.lowerBound])
            post = data[split.upperBound...]
        }
        let pipeline = SitePipeline(settings: .init(selection: ContentSelection(includeDrafts: true, includeFuture: true,
                                                                                now: 1_767_225_600)))
        var sources: SitePipeline.Sources
        if let configData {
            guard case .success(let read) = pipeline.sources(tree: tree(config: configData, post: nil)) else { return 0 }
            sources = read
        } else {
            sources = SitePipeline.Sources(tree: tree(config: nil, post: nil), config: config, theme: nil, diagnostics: [])
        }
        let language = data.first.map { $0 & 1 == 0 ? sources.config.defaultLanguage : sources.config.languages.last?.code ?? "en" } ?? "en"
        sources.tree = tree(config: configData, post: SourceFile(kind: .post, path: "content/posts/\(language)/2025-03-04-fuzz.md",
                                                                 folderLanguage: language, data: Data(post)))
        sources.theme = theme
        let (documents, parseDiagnostics) = pipeline.parse(sources)
        guard !documents.isEmpty else { return 0 }
        let model = pipeline.model(sources, documents: documents, parseDiagnostics: parseDiagnostics)
        guard !model.diagnostics.hasErrors, let (plan, _, _) = pipeline.plan(model) else { return 0 }
        return plan.renderAll().outputs.count
    }

    private static func tree(config: Data?, post: SourceFile?) -> SourceTree {
        SourceTree(config: config, configPath: "content/site.yml", documents: post.map { [$0] } ?? [], staticFiles: [],
                   issueFiles: [], authorFiles: [], diagnostics: [])
    }
}
