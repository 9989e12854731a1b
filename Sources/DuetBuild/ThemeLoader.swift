import DuetModel
import DuetRender
import DuetSource
import Foundation

/// Reads a theme folder: `layouts/*.mustache` (page templates), `partials/*.mustache`,
/// `i18n/<lang>.yml` (interface words) and `static/**` (copied to the output).
struct ThemeLoader {
    var root: URL
    var displayRoot: String

    struct Loaded {
        var theme: Theme
        var staticFiles: [StaticFile]
        /// Which file each language's strings came from, for diagnostics about them.
        var stringsFiles: [String: SourceLocation]
        var i18nFolder: String
    }

    func load() throws(DiagnosticError) -> Loaded {
        var templates: [TemplateSource] = []
        var diagnostics: [Diagnostic] = []
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw DiagnosticError(.error("theme folder does not exist", at: SourceLocation(file: displayRoot)))
        }
        for (folder, role) in [("layouts", TemplateSource.Role.layout), ("partials", .partial)] {
            for relative in DirectoryListing.files(under: root.appendingPathComponent(folder)) where relative.hasSuffix(".mustache") {
                let path = "\(displayRoot)/\(folder)/\(relative)"
                do {
                    let text = try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(relative), encoding: .utf8)
                    templates.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), role: role, path: path, text: text))
                } catch {
                    diagnostics.append(.error("cannot read template: \(error.localizedDescription)", at: SourceLocation(file: path)))
                }
            }
        }
        var strings: [String: Strings] = [:]
        var stringsFiles: [String: SourceLocation] = [:]
        for relative in DirectoryListing.files(under: root.appendingPathComponent("i18n")) where relative.hasSuffix(".yml") {
            let path = "\(displayRoot)/i18n/\(relative)"
            do {
                let data = try Data(contentsOf: root.appendingPathComponent("i18n").appendingPathComponent(relative))
                strings[String(relative.dropLast(4))] = try Self.strings(from: YAMLFile.parse(data, path: path))
                stringsFiles[String(relative.dropLast(4))] = SourceLocation(file: path)
            } catch let error as SourceError {
                diagnostics.append(error.diagnostic)
            } catch {
                diagnostics.append(.error("cannot read strings: \(error.localizedDescription)", at: SourceLocation(file: path)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        let staticRoot = root.appendingPathComponent("static")
        let staticFiles = DirectoryListing.files(under: staticRoot).map {
            StaticFile(sourcePath: "\(displayRoot)/static/\($0)", outputPath: $0, url: staticRoot.appendingPathComponent($0))
        }
        return Loaded(theme: try Theme(templates: templates, strings: strings), staticFiles: staticFiles,
                      stringsFiles: stringsFiles, i18nFolder: "\(displayRoot)/i18n")
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
