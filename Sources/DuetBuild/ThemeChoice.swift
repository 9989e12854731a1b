import DuetEmbedded
import DuetModel
import DuetSource
import Foundation

/// Which theme a build reads: `--theme DIR`, else `theme:` in `site.yml`, else the default theme
/// compiled into the binary. A publication that keeps only `content/` in its repository therefore
/// builds with no theme folder at all, and `content/theme/` overrides apply in every case.
public enum ThemeChoice: Sendable, Equatable {
    /// A theme folder, as the user wrote it (`--theme`) or resolved from `site.yml`.
    case folder(String)
    case builtin

    /// How diagnostics name a file of the built-in theme: `(built-in theme)/layouts/post.mustache`.
    public static let builtinDisplay = "(built-in theme)"

    /// Decides the theme without writing anything. A `theme:` path in `site.yml` is relative to the
    /// folder that holds the content folder (the publication's root), so it means the same thing
    /// from wherever `duet` runs; a folder that does not exist or has no layouts is refused here,
    /// at the line of `site.yml` that names it, before anything is built.
    public static func resolve(flag: String?, source: String) throws(DiagnosticError) -> ThemeChoice {
        if let flag {
            try checkFolder(flag, at: SourceLocation(file: flag), named: "--theme \(flag)")
            return .folder(flag)
        }
        let configPath = "\(source)/site.yml"
        guard let data = FileManager.default.contents(atPath: configPath) else { return .builtin }
        let yaml: FrontMatter
        do {
            yaml = try YAMLFile.parse(data, path: configPath)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        guard let entry = yaml.entry("theme"), entry.value != .null else { return .builtin }
        guard let written = entry.value.scalarText, !written.isEmpty else {
            throw DiagnosticError(.error("theme: must be a folder path (or left out for the built-in theme)", at: entry.location))
        }
        let root = (source as NSString).deletingLastPathComponent
        let path = written.hasPrefix("/") || root.isEmpty ? written : "\(root)/\(written)"
        try checkFolder(path, at: entry.location, named: "theme: \(written)")
        return .folder(path)
    }

    private static func checkFolder(_ path: String, at location: SourceLocation, named name: String) throws(DiagnosticError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError(.error("\(name): theme folder does not exist", at: location))
        }
        let layouts = (try? FileManager.default.contentsOfDirectory(atPath: "\(path)/layouts")) ?? []
        guard layouts.contains(where: { $0.hasSuffix(".mustache") }) else {
            throw DiagnosticError(.error("\(name): the theme has no layouts (expected \(path)/layouts/*.mustache)", at: location))
        }
    }

    /// The folder the theme loader reads, and how diagnostics name it. The built-in theme is written
    /// out under `cacheDirectory` (`.duet-cache/theme-default/`, reused and kept current from build
    /// to build), or into a fresh temporary folder, which `PreparedTheme.finish()` removes.
    public func prepare(cacheDirectory: String?) throws(DiagnosticError) -> PreparedTheme {
        switch self {
        case .folder(let path):
            return PreparedTheme(path: path, display: path, temporary: false)
        case .builtin:
            let folder: URL
            let temporary = cacheDirectory == nil
            if let cacheDirectory {
                folder = URL(fileURLWithPath: cacheDirectory).appendingPathComponent("theme-default")
            } else {
                folder = FileManager.default.temporaryDirectory.appendingPathComponent("duet-theme-\(UUID().uuidString)")
            }
            do {
                try BuiltinTheme.materialize(at: folder)
            } catch {
                throw DiagnosticError(.error("cannot prepare the built-in theme: \(error)", at: SourceLocation(file: folder.path)))
            }
            return PreparedTheme(path: folder.path, display: Self.builtinDisplay, temporary: temporary)
        }
    }
}

/// A theme ready on disk for one build or one preview session.
public struct PreparedTheme: Sendable, Equatable {
    public var path: String
    public var display: String
    var temporary: Bool

    /// Removes a temporary copy of the built-in theme; a real theme folder is never touched.
    public func finish() {
        if temporary { try? FileManager.default.removeItem(atPath: path) }
    }
}
