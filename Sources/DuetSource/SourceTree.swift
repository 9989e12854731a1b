import DuetModel
import Foundation

/// The content folder as files: the only code that reads content from disk.
///
/// Layout: `site.yml`, `posts/<lang>/YYYY-MM-DD-slug.md`, `pages/<lang>/*.md`, `static/**`
/// (copied as is). Hidden files and editor backups are skipped.
public struct SourceTree: Sendable {
    public var config: Data?
    public var configPath: String
    public var documents: [SourceFile]
    public var staticFiles: [StaticFile]
    /// `issues/<id>.yml` and `issues/<lang>/<id>.md`.
    public var issueFiles: [SourceFile]
    /// `authors/<id>.yml`.
    public var authorFiles: [SourceFile]
    /// Files that exist but could not be read; the build reports them and goes on reading the rest.
    public var diagnostics: [Diagnostic]
    /// `includes/**`: what `{% include %}` in a post can reach (Jekyll's `_includes/`).
    public var includes: [String: SourceFile] = [:]
    /// `data/**.yml`: Jekyll's `_data/`, what `{{ site.data.NAME }}` reads.
    public var dataFiles: [String: SourceFile] = [:]

    public init(config: Data?, configPath: String, documents: [SourceFile], staticFiles: [StaticFile],
                issueFiles: [SourceFile], authorFiles: [SourceFile], diagnostics: [Diagnostic]) {
        self.config = config
        self.configPath = configPath
        self.documents = documents
        self.staticFiles = staticFiles
        self.issueFiles = issueFiles
        self.authorFiles = authorFiles
        self.diagnostics = diagnostics
    }

    public static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]
    /// Jekyll builds `.html` posts and pages too: their body is HTML, given to the reader as written.
    public static let documentExtensions: Set<String> = markdownExtensions.union(["html", "htm"])

    /// - Parameters:
    ///   - root: the content folder on disk.
    ///   - displayRoot: how the user named it (`content`), the prefix of every path in diagnostics.
    ///   - unchanged: says whether the caller already holds a post or page exactly as it is now
    ///     (by its path and stamp); such a file is listed with `isUnread` and not read.
    ///   - listing: the folder's files and stamps, when the caller has just walked it; without
    ///     it each folder is listed and each post and page `stat`ed here.
    public static func scan(root: URL, displayRoot: String, unchanged: ((String, SourceStamp) -> Bool)? = nil,
                            listing: SourceListing? = nil) -> SourceTree {
        let display = displayRoot.hasSuffix("/") ? String(displayRoot.dropLast()) : displayRoot
        let configURL = root.appendingPathComponent("site.yml")
        var tree = SourceTree(config: nil, configPath: "\(display)/site.yml", documents: [], staticFiles: [],
                              issueFiles: [], authorFiles: [], diagnostics: [])
        if FileManager.default.fileExists(atPath: configURL.path) {
            do {
                tree.config = try Data(contentsOf: configURL)
            } catch {
                tree.diagnostics.append(SourceError.unreadable(SourceLocation(file: tree.configPath),
                                                               reason: reason(error)).diagnostic)
            }
        }
        let reader = ContentFileReader(root: root)
        /// The files under a top-level folder, relative to it.
        func files(in folder: String) -> [String] {
            listing.map { $0.files(under: folder).map(\.relative) } ?? DirectoryListing.files(under: root.appendingPathComponent(folder))
        }
        for (folder, kind) in [("posts", SourceFile.Kind.post), ("pages", .page)] {
            // Paths by concatenation: a URL per file cost more than its `stat` on every rebuild.
            let folderURL = root.appendingPathComponent(folder)
            let folderPath = folderURL.standardizedFileURL.path
            let listed = listing?.files(under: folder)
                ?? DirectoryListing.files(under: folderURL).map { SourceListing.File(relative: $0, stamp: SourceStamp.of(path: folderPath + "/" + $0)) }
            for file in listed where documentExtensions.contains(Self.fileExtension(of: file.relative)) {
                let (relative, stamp) = (file.relative, file.stamp)
                let language = Self.firstFolder(of: relative)
                let path = "\(display)/\(folder)/\(relative)"
                if let stamp, let unchanged, unchanged(path, stamp) {
                    var file = SourceFile(kind: kind, path: path, folderLanguage: language, data: Data(), stamp: stamp)
                    file.isUnread = true
                    tree.documents.append(file)
                    continue
                }
                do throws(SourceError) {
                    let data = try reader.read(file: folderPath + "/" + relative, path: path)
                    tree.documents.append(SourceFile(kind: kind, path: path, folderLanguage: language, data: data, stamp: stamp))
                } catch {
                    tree.diagnostics.append(error.diagnostic)
                }
            }
        }
        for (folder, extensions) in [("issues", ["yml", "yaml", "md"]), ("authors", ["yml", "yaml"])] {
            let folderPath = root.appendingPathComponent(folder).standardizedFileURL.path
            for relative in files(in: folder) where extensions.contains(Self.fileExtension(of: relative)) {
                let path = "\(display)/\(folder)/\(relative)"
                do throws(SourceError) {
                    let data = try reader.read(file: folderPath + "/" + relative, path: path)
                    let file = SourceFile(kind: .page, path: path, folderLanguage: Self.firstFolder(of: relative), data: data)
                    if folder == "issues" { tree.issueFiles.append(file) } else { tree.authorFiles.append(file) }
                } catch {
                    tree.diagnostics.append(error.diagnostic)
                }
            }
        }
        let (includes, unreadable) = includeFiles(under: root.appendingPathComponent("includes"), display: "\(display)/includes",
                                                  listed: files(in: "includes"))
        tree.includes = includes
        tree.diagnostics += unreadable
        let (data, unreadableData) = includeFiles(under: root.appendingPathComponent("data"), display: "\(display)/data",
                                                  listed: files(in: "data"))
        tree.dataFiles = data.filter { ["yml", "yaml"].contains(Self.fileExtension(of: $0.key)) }
        tree.diagnostics += unreadableData
        let staticRoot = root.appendingPathComponent("static")
        tree.staticFiles = files(in: "static").map {
            StaticFile(sourcePath: "\(display)/static/\($0)", outputPath: $0, url: staticRoot.appendingPathComponent($0))
        }
        return tree
    }

    /// `posts/en/a.MD` -> `md`: what follows the last dot, lowercased (the whole name when there
    /// is none, as splitting on dots gave). On bytes: a scan asks it of every file on every build.
    static func fileExtension(of relative: String) -> String {
        let bytes = relative.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: ".")).map(bytes.index(after:)) ?? bytes.startIndex
        let suffix = Substring(bytes[start...])
        return suffix.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? suffix.lowercased() : String(suffix)
    }

    /// `en/a.md` -> `en`; nil for a file directly in the folder.
    static func firstFolder(of relative: String) -> String? {
        let bytes = relative.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(Substring(bytes[..<slash]))
    }

    /// Every file under an includes or data folder (the content's or a theme's), keyed by its path
    /// inside the folder, as `{% include folder/name.html %}` names it.
    /// - Parameter listed: the folder's files, when the caller has listed them.
    public static func includeFiles(under folder: URL, display: String, listed: [String]? = nil) -> ([String: SourceFile], [Diagnostic]) {
        var files: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        let reader = ContentFileReader(root: folder)
        for relative in listed ?? DirectoryListing.files(under: folder) {
            let path = "\(display)/\(relative)"
            do throws(SourceError) {
                files[relative] = SourceFile(kind: .page, path: path, folderLanguage: nil, data: try reader.read(folder.appendingPathComponent(relative), path: path))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (files, diagnostics)
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file (a broken symbolic link?)"
        }
        return nsError.localizedDescription
    }
}

/// A file copied to the output unchanged.
public struct StaticFile: Hashable, Sendable {
    public var sourcePath: String
    public var outputPath: String
    public var url: URL

    public init(sourcePath: String, outputPath: String, url: URL) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath
        self.url = url
    }
}
