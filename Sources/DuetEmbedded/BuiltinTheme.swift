import Foundation

/// The default theme compiled into the binary, so a publication that keeps only `content/` in its
/// repository builds without a theme folder. The repository's `themes/default/` is its only source
/// (the EmbedDefaultTheme plugin turns it into `encodedFiles` on every build).
///
/// The theme reaches the build as an ordinary folder: `materialize(at:)` writes the same bytes
/// out, and the theme loader reads them as it reads any theme, so the output is the same either way.
public enum BuiltinTheme {
    public struct File: Sendable, Equatable {
        /// Relative to the theme's root: `layouts/post.mustache`, `static/css/duet.css`.
        public var path: String
        public var contents: Data
    }

    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case notEmpty(path: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .notEmpty(let path): "\(path) already exists and is not empty; choose a new folder"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Every file of the theme, sorted by path.
    public static let files: [File] = encodedFiles.map { entry in
        // The generator wrote these literals from real bytes; a bad one would be a broken build tool.
        File(path: entry.path, contents: Data(base64Encoded: entry.base64) ?? Data())
    }

    /// Writes the theme into `folder` for a publication that wants its own copy to edit. The folder
    /// must not exist yet or be empty: exporting never replaces anybody's files.
    public static func export(to folder: URL) throws(WriteError) {
        let path = folder.path
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: path), !existing.isEmpty {
            throw .notEmpty(path: path)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .notEmpty(path: path)
        }
        try write(into: folder)
    }

    /// Makes `folder` hold exactly the theme's files and returns it. Files already equal are left
    /// alone, so their modification times (which incremental builds compare) stay put.
    @discardableResult
    public static func materialize(at folder: URL) throws(WriteError) -> URL {
        let wanted = Set(files.map(\.path))
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            let base = folder.standardizedFileURL.path + "/"
            for case let url as URL in walker {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                if isFile, !wanted.contains(relative) { try? FileManager.default.removeItem(at: url) }
            }
        }
        try write(into: folder, skippingEqual: true)
        return folder
    }

    private static func write(into folder: URL, skippingEqual: Bool = false) throws(WriteError) {
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            if skippingEqual, FileManager.default.contents(atPath: target.path) == file.contents { continue }
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: target, options: .atomic)
            } catch {
                throw .cannotWrite(path: target.path, reason: error.localizedDescription)
            }
        }
    }
}
