import DuetModel
import DuetRender
import DuetSource
import Foundation
import Yams

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
    static let theme: Theme? = {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DUET_FUZZ_THEME"] ?? "themes/default")
        var templates: [TemplateSource] = []
        for (folder, role) in [("layouts", TemplateSource.Role.layout), ("partials", .partial)] {
            let url = root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".mustache") {
                guard let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) else { continue }
                templates.append(TemplateSource(name: String(name.dropLast(".mustache".count)), role: role,
                                                path: "\(folder)/\(name)", text: text))
            }
        }
        var strings: [String: Strings] = [:]
        for language in ["en", "zh"] {
            let file = root.appendingPathComponent("i18n/\(language).yml")
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  let values = (try? Yams.load(yaml: text)) as? [String: Any] else { continue }
            strings[language] = Strings(values: values.compactMapValues { $0 as? String }, locale: language)
        }
        return try? Theme(templates: templates, strings: strings)
    }()

    /// Runs one input; returns how many files were rendered (0 when the input was rejected).
    @discardableResult
    static func run(_ data: Data) -> Int {
        guard let theme else { return 0 }
        var config = config
        var post = data
        if let split = data.firstRange(of: Data("\n%%site.yml%%\n".utf8)) {
            guard let custom = try? SiteConfigLoader.load(data[..<split.lowerBound], path: "content/site.yml") else { return 0 }
            config = custom
            post = data[split.upperBound...]
        }
        let language = data.first.map { $0 & 1 == 0 ? config.defaultLanguage : config.languages.last?.code ?? "en" } ?? "en"
        let file = SourceFile(kind: .post, path: "content/posts/\(language)/2025-03-04-fuzz.md", folderLanguage: language, data: Data(post))
        guard let (document, _) = try? DocumentParser(config: config).parse(file) else { return 0 }
        let selection = ContentSelection(includeDrafts: true, includeFuture: true, now: 1_767_225_600)
        let (graph, diagnostics) = SiteGraphBuilder(config: config, selection: selection).build(documents: [document])
        guard !diagnostics.hasErrors else { return 0 }
        let (files, _) = Renderer(theme: theme).render(graph)
        return files.count
    }
}
