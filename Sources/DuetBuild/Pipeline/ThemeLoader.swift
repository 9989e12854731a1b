import DuetModel
import DuetRender
import DuetSource
import Foundation

/// Reads a theme: `layouts/*.mustache` (page templates), `partials/*.mustache`, `i18n/<lang>.yml`
/// (interface words) and `static/**` (copied to the output).
///
/// A site overrides any single file of its theme by putting a file at the same relative path under
/// `content/theme/` (Hugo's lookup order: the site's file first, then the theme's).
public struct ThemeLoader {
    /// Folders in lookup order, the site's override folder first.
    var layers: [(url: URL, display: String)]

    public struct Loaded: Sendable {
        public var theme: Theme
        public var staticFiles: [StaticFile]
        /// Which file each language's strings came from, for diagnostics about them.
        public var stringsFiles: [String: SourceLocation]
        public var i18nFolder: String
        /// Theme CSS and JS under their fingerprinted names: `css/duet.css` -> `css/duet.3f2a9c1b.css`.
        public var assets: [String: String]
        /// Every template, string and asset name the pages depend on: when it changes, every page
        /// is rendered again.
        public var digest: StableDigest
    }

    /// False keeps stylesheets and scripts under their own names (the preview: see `BuildOptions.fingerprintAssets`).
    var fingerprint = true

    public init(theme: URL, themeDisplay: String, override: URL? = nil, overrideDisplay: String = "", fingerprint: Bool = true) {
        self.fingerprint = fingerprint
        layers = [(theme, themeDisplay)]
        if let override, FileManager.default.fileExists(atPath: override.path) {
            layers.insert((override, overrideDisplay), at: 0)
        }
    }

    /// Every file under `folder` of any layer, the first layer's file winning.
    private func files(in folder: String) -> [(relative: String, url: URL, display: String)] {
        var seen: Set<String> = []
        var result: [(relative: String, url: URL, display: String)] = []
        for layer in layers {
            let base = layer.url.appendingPathComponent(folder)
            for relative in DirectoryListing.files(under: base) where seen.insert(relative).inserted {
                result.append((relative, base.appendingPathComponent(relative), "\(layer.display)/\(folder)/\(relative)"))
            }
        }
        return result.sorted { $0.relative < $1.relative }
    }

    public func load() throws(DiagnosticError) -> Loaded {
        var templates: [TemplateSource] = []
        var digest = StableDigest()
        var diagnostics: [Diagnostic] = []
        guard let themeLayer = layers.last, FileManager.default.fileExists(atPath: themeLayer.url.path) else {
            throw DiagnosticError(.error("theme folder does not exist", at: SourceLocation(file: layers.last?.display ?? "theme")))
        }
        for (folder, role) in [("layouts", TemplateSource.Role.layout), ("partials", .partial)] {
            for file in files(in: folder) where file.relative.hasSuffix(".mustache") {
                do {
                    let text = try String(contentsOf: file.url, encoding: .utf8)
                    digest.combine(file.display)
                    digest.combine(text)
                    templates.append(TemplateSource(name: String(file.relative.dropLast(".mustache".count)), role: role,
                                                    path: file.display, text: text))
                } catch {
                    diagnostics.append(.error("cannot read template: \(error.localizedDescription)", at: SourceLocation(file: file.display)))
                }
            }
        }
        var strings: [String: Strings] = [:]
        var stringsFiles: [String: SourceLocation] = [:]
        for file in files(in: "i18n") where file.relative.hasSuffix(".yml") {
            let language = String(file.relative.dropLast(4))
            do {
                let data = try Data(contentsOf: file.url)
                digest.combine(file.display)
                digest.combine(bytes: data)
                strings[language] = try Self.strings(from: YAMLFile.parse(data, path: file.display))
                stringsFiles[language] = SourceLocation(file: file.display)
            } catch let error as SourceError {
                diagnostics.append(error.diagnostic)
            } catch {
                diagnostics.append(.error("cannot read strings: \(error.localizedDescription)", at: SourceLocation(file: file.display)))
            }
        }
        var assets: [String: String] = [:]
        var staticFiles: [StaticFile] = []
        for file in files(in: "static") {
            var output = file.relative
            if file.relative.hasSuffix(".css") || file.relative.hasSuffix(".js"), let data = try? Data(contentsOf: file.url) {
                output = fingerprint ? Self.fingerprinted(file.relative, contents: data) : file.relative
                assets[file.relative] = output
            }
            staticFiles.append(StaticFile(sourcePath: file.display, outputPath: output, url: file.url))
            digest.combine(output)
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return Loaded(theme: try Theme(templates: templates, strings: strings), staticFiles: staticFiles,
                      stringsFiles: stringsFiles, i18nFolder: "\(themeLayer.display)/i18n", assets: assets, digest: digest)
    }

    /// `css/duet.css` -> `css/duet.3f2a9c1b.css`: a new name whenever the contents change, so
    /// browsers may cache theme assets forever. FNV-1a is stable across runs and machines.
    static func fingerprinted(_ path: String, contents: Data) -> String {
        let digest = StableDigest.of(bytes: contents).hex.prefix(8)
        guard let dot = path.lastIndex(of: "."), !path[..<dot].hasSuffix("/") else { return path }
        return "\(path[..<dot]).\(digest)\(path[dot...])"
    }

    /// Every scalar key is an interface string (`date_format` and `quarter_format` are ICU patterns).
    static func strings(from yaml: FrontMatter) -> Strings {
        var values: [String: String] = [:]
        for entry in yaml.entries {
            if let text = entry.value.scalarText { values[entry.key] = text }
        }
        return Strings(values: values)
    }
}
