import Foundation
import PackagePlugin

/// Compiles `themes/default/`, `VERSION` and the commit into `DuetEmbedded`, so the installed
/// binary carries its theme and knows what it is. The folder stays the one source: the generated
/// file is rebuilt whenever a theme file, the version or the checked-out commit changes.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let theme = root.appending(path: "themes/default")
        let version = root.appending(path: "VERSION")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var inputs = [version] + Self.files(under: theme)
        var arguments = ["--theme", theme.path, "--version-file", version.path, "--output", output.path]
        if let gitDirectory = Self.gitDirectory(of: root) {
            arguments += ["--git-dir", gitDirectory.path]
            // HEAD names the branch; logs/HEAD grows with every commit, checkout and reset.
            inputs += ["HEAD", "logs/HEAD"].map { gitDirectory.appending(path: $0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        }
        return [.buildCommand(displayName: "Embedding the default theme and version",
                              executable: try context.tool(named: "duet-embed").url,
                              arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }

    private static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// `.git` is a folder in a clone and a `gitdir: PATH` file in a worktree; absent in a tarball.
    private static func gitDirectory(of root: URL) -> URL? {
        let dotGit = root.appending(path: ".git")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") else { return nil }
        let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
    }
}
