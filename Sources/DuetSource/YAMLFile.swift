import DuetModel
import Yams
import Foundation

/// A whole YAML file (not front matter) as ordered, located entries: site and theme settings.
public enum YAMLFile {
    /// Any YAML document as a value: data files may hold a list as well as a mapping.
    public static func value(_ data: Data, path: String) throws(SourceError) -> FrontMatterValue {
        let text = try SourceText.decode(data, path: path)
        do {
            return try Yams.compose(yaml: text).map(FrontMatterParser.value(of:)) ?? .null
        } catch {
            _ = try FrontMatterParser.parse(text, firstLine: 1, path: path)
            throw .invalidYAML(SourceLocation(file: path, line: 1), problem: String(describing: error))
        }
    }

    public static func parse(_ data: Data, path: String) throws(SourceError) -> FrontMatter {
        try FrontMatterParser.parse(try SourceText.decode(data, path: path), firstLine: 1, path: path)
    }
}
