import DuetBuild
import Foundation

/// A site in a temporary folder (`content/` and, once built, `_site/`), built with the
/// repository's default theme: what `duet check` and `duet list` run over.
struct TempSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let defaultTheme = repositoryRoot.appendingPathComponent("themes/default")
    /// 2026-01-01T00:00:00Z: the moment that decides which posts are "future".
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("_site") }

    init(files: [String: String], siteYAML: String = TempSite.siteYAML) throws {
        root = Self.newRoot()
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try write("site.yml", siteYAML)
        for (path, text) in files { try write(path, text) }
    }

    private init(root: URL) {
        self.root = root
    }

    private static func newRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("duet-check-\(UUID().uuidString)")
    }

    /// A copy of the repository's sample publication (`content/`).
    static func sample() throws -> TempSite {
        try copy(repositoryRoot.appendingPathComponent("content"))
    }

    /// A copy of `Tests/Fixtures/<name>/content`.
    static func copy(fixture name: String) throws -> TempSite {
        try copy(repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)/content"))
    }

    private static func copy(_ content: URL) throws -> TempSite {
        let site = TempSite(root: newRoot())
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: content, to: site.content)
        return site
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func build() -> BuildReport {
        Builder(options: BuildOptions(source: content.path, theme: Self.defaultTheme.path, output: output.path,
                                      now: Self.now)).build()
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try page(path)
        guard text.contains(old) else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: output.appendingPathComponent(path))
    }

    /// How many HTML pages the output holds.
    var htmlPageCount: Int {
        let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)?.allObjects ?? []
        return files.count { ($0 as? URL)?.pathExtension == "html" }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    static let siteYAML = """
        title:
          en: Tideline Review
          zh: 潮线评论
        description:
          en: Notes on rivers and coasts.
          zh: 关于河流与海岸的笔记。
        base_url: https://tideline.example.org
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
