import DuetBuild
import Foundation
import XCTest

/// A site in a temporary folder: a copy of a fixture from `Tests/Fixtures/`, or files given inline,
/// built with the repository's default theme into `_site/` next to its `content/`.
struct SiteFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let defaultTheme = repositoryRoot.appendingPathComponent("themes/default")

    let root: URL

    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("_site") }

    /// An empty site with a two-language `site.yml`.
    init(files: [String: String] = [:], siteYAML: String = SiteFixture.bilingualSiteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try write("site.yml", siteYAML)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of `Tests/Fixtures/<name>/content`.
    init(fixture name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)/content"), to: content)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func options(strict: Bool = false, drafts: Bool = false, future: Bool = false,
                 now: Date = Date(timeIntervalSince1970: 1_767_225_600)) -> BuildOptions {
        BuildOptions(source: content.path, theme: Self.defaultTheme.path, output: output.path,
                     includeDrafts: drafts, includeFuture: future, strict: strict, now: now)
    }

    @discardableResult
    func build(strict: Bool = false, drafts: Bool = false, future: Bool = false) -> BuildReport {
        Builder(options: options(strict: strict, drafts: drafts, future: future)).build()
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the output with its bytes, to compare two states of `_site/`.
    func snapshot() -> [String: Data] { Self.snapshot(of: output) }

    /// Every file under `folder` by its path inside it, with its bytes.
    static func snapshot(of folder: URL) -> [String: Data] {
        let base = folder.standardizedFileURL
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.standardizedFileURL.path.dropFirst(base.path.count))] = try? Data(contentsOf: url)
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The bilingual site with Duet's default permalinks (articles under their issue).
    static let issuePermalinkSiteYAML = bilingualSiteYAML.replacing("\npermalink: /:lang/:year/:slug/", with: "")

    static let bilingualSiteYAML = """
        title:
          en: Test Review
          zh: 测试评论
        languages:
          - code: en
            tag: en
            name: English
            locale: en_US
          - code: zh
            tag: zh-Hans
            name: 中文
            locale: zh_CN
        timezone: Asia/Shanghai
        permalink: /:lang/:year/:slug/
        """
}
