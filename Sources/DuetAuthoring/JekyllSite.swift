import DuetSource
import Foundation

/// A Jekyll site folder as files sorted by what Jekyll makes of them. Reading is the only I/O of
/// `duet import jekyll` before it writes; the conversion itself (`JekyllImport`) is pure.
public struct JekyllSite: Sendable {
    public struct File: Sendable {
        /// Path inside the Jekyll folder (`_posts/2021-09-21-x.md`).
        public var path: String
        public var data: Data
    }

    /// How the user named the folder, the prefix of paths in messages.
    public var display: String
    public var config: File?
    public var posts: [File] = []
    public var drafts: [String] = []
    /// Files with front matter outside the `_` folders: Jekyll renders them as pages.
    public var pages: [File] = []
    public var includes: [File] = []
    public var authorDocuments: [File] = []
    public var authorsData: File?
    /// `_data/**.yml` other than the authors: `{{ site.data.* }}`.
    public var dataFiles: [File] = []
    /// Copied as they are; read only when written.
    public var assets: [(path: String, url: URL)] = []
    /// `_layouts/x.html`, `_sass/...`, `_plugins/...`, `_data/...`, other collections: kept aside for a person.
    public var setAside: [String] = []

    /// Jekyll's own and the tools' folders that are never content.
    static let ignored: [String] = ["_site/", ".jekyll-cache/", ".sass-cache/", "vendor/", "node_modules/", ".bundle/"]
    static let ignoredFiles: Set<String> = ["Gemfile", "Gemfile.lock", "Rakefile", "package.json", "package-lock.json"]

    public static func read(_ root: URL, display: String) throws(AuthoringError) -> JekyllSite {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .unreadable(path: display, reason: "no such folder")
        }
        var site = JekyllSite(display: display)
        func load(_ relative: String) throws(AuthoringError) -> File {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else {
                throw .unreadable(path: "\(display)/\(relative)", reason: "cannot read the file")
            }
            return File(path: relative, data: data)
        }
        for relative in DirectoryListing.files(under: root) {
            if ignored.contains(where: relative.hasPrefix) || ignoredFiles.contains(relative) { continue }
            let components = relative.split(separator: "/").map(String.init)
            let first = components[0]
            if relative == "_config.yml" || relative == "_config.yaml" {
                site.config = try load(relative)
            } else if first == "_posts" || (components.count > 2 && components[1] == "_posts") {
                site.posts.append(try load(relative))
            } else if first == "_drafts" {
                site.drafts.append(relative)
            } else if first == "_includes" {
                site.includes.append(try load(relative))
            } else if first == "_authors" {
                site.authorDocuments.append(try load(relative))
            } else if relative == "_data/authors.yml" || relative == "_data/authors.yaml" {
                site.authorsData = try load(relative)
            } else if first == "_data", relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                site.dataFiles.append(try load(relative))
            } else if first.hasPrefix("_") || relative.hasPrefix("_") {
                site.setAside.append(relative)
            } else if Self.mayHaveFrontMatter(relative), let file = try? load(relative), file.data.starts(with: Data("---".utf8)) {
                site.pages.append(file)
            } else {
                site.assets.append((relative, root.appendingPathComponent(relative)))
            }
        }
        return site
    }

    private static func mayHaveFrontMatter(_ path: String) -> Bool {
        ["md", "markdown", "html", "htm", "xml", "txt", "json", "css", "scss", "js"].contains(path.split(separator: ".").last.map { $0.lowercased() } ?? "")
    }
}
