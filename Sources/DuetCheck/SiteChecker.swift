import DuetModel
import DuetSource
import Foundation

/// `duet check`: reads a built output folder and the content it came from, runs the site rules
/// (and the typography rules when asked), and reports every finding at the file and line that
/// produced it. The only part of DuetCheck that touches the file system.
public struct SiteChecker: Sendable {
    public var output: String
    public var source: String
    /// The theme folder: a URL a template hard-codes is reported at the template's line.
    public var theme: String
    /// How findings name the theme folder when that is not its path (the built-in theme's copy).
    public var themeDisplay: String?
    public var baseURL: String?
    public var typography: Bool

    public init(output: String = "_site", source: String = "content", theme: String = "themes/default",
                baseURL: String? = nil, typography: Bool = false) {
        self.output = output
        self.source = source
        self.theme = theme
        self.baseURL = baseURL
        self.typography = typography
    }

    public func run() -> CheckReport {
        let outputRoot = URL(fileURLWithPath: output)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputRoot.path, isDirectory: &isFolder), isFolder.boolValue else {
            return CheckReport(diagnostics: [.error("output folder does not exist (run duet build first)",
                                                    at: SourceLocation(file: output))], pageCount: 0)
        }
        let files = DirectoryListing.files(under: outputRoot)
        let htmlFiles = files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
        let scanned = ParallelMap.map(htmlFiles) { path in
            (path, (try? Data(contentsOf: outputRoot.appendingPathComponent(path))).map { HTMLScanner.scan([UInt8]($0)) })
        }
        let stylesheets = Dictionary(ParallelMap.map(files.filter { $0.hasSuffix(".css") }) { path in
            (path, (try? Data(contentsOf: outputRoot.appendingPathComponent(path)))
                .map { StylesheetScanner.references(in: String(decoding: $0, as: UTF8.self)) } ?? [])
        }, uniquingKeysWith: { first, _ in first })
        var unreadable: [Diagnostic] = []
        var pages: [String: ScannedHTML] = [:]
        for (path, page) in scanned {
            if let page { pages[path] = page } else {
                let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
                unreadable.append(.error("cannot read this page", at: SourceLocation(file: "\(folder)/\(path)")))
            }
        }

        let model = FileManager.default.fileExists(atPath: source) ? SourceModel.load(source: source, theme: theme, baseURL: baseURL) : nil
        let resolver = LinkResolver(baseURL: baseURL ?? model?.config.baseURL ?? "")
        let sourceText = model?.sources.mapValues { String(decoding: $0, as: UTF8.self) } ?? [:]
        let locator = FindingLocator(sourceOfOutput: model?.sourceOfOutput ?? [:], sourceText: sourceText,
                                     templateText: templates(), outputDisplay: output)

        // One Markdown line shown on several pages (an issue note on its issue page and on the home
        // page) is one mistake: reported once.
        var seen: Set<Diagnostic> = []
        var diagnostics = unreadable + SiteRules(resolver: resolver).check(pages: pages, files: Set(files), stylesheets: stylesheets)
            .map(locator.diagnostic).filter { seen.insert($0).inserted }
        if typography, let model {
            let rules = TypographyRules(settings: model.typography)
            diagnostics += ParallelMap.map(model.documents) { document in
                sourceText[document.sourcePath].map {
                    rules.check(markdown: $0, path: document.sourcePath, language: document.language)
                } ?? []
            }.flatMap { $0 }
        }
        return CheckReport(diagnostics: diagnostics.sortedByLocation(), pageCount: htmlFiles.count)
    }

    /// The templates of the theme and of the site's own override folder (`content/theme`), by display path.
    private func templates() -> [String: String] {
        var texts: [String: String] = [:]
        for (folder, display) in [(theme, themeDisplay ?? theme), ("\(source)/theme", "\(source)/theme")] {
            let root = URL(fileURLWithPath: folder)
            for path in DirectoryListing.files(under: root) where path.hasSuffix(".mustache") {
                if let data = try? Data(contentsOf: root.appendingPathComponent(path)) {
                    texts["\(display)/\(path)"] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return texts
    }
}
