import DuetModel
import Foundation

/// A whole YAML file (not front matter) as ordered, located entries: site and theme settings.
public enum YAMLFile {
    public static func parse(_ data: Data, path: String) throws(SourceError) -> FrontMatter {
        try FrontMatterParser.parse(try SourceText.decode(data, path: path), firstLine: 1, path: path)
    }
}
