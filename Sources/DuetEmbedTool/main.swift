import Foundation

// duet-embed --theme DIR --version-file FILE [--git-dir DIR] --output FILE.swift
//
// Writes the Swift source that carries the default theme inside the binary: every file as base64
// (exact bytes, and a literal the compiler reads quickly), plus the version and the commit.
// Run by the EmbedDefaultTheme build-tool plugin; not installed.

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("duet-embed: unexpected argument \(name)\n".utf8))
        exit(2)
    }
    options[String(name.dropFirst(2))] = value
}
guard let themePath = options["theme"], let versionPath = options["version-file"], let outputPath = options["output"] else {
    FileHandle.standardError.write(Data("usage: duet-embed --theme DIR --version-file FILE [--git-dir DIR] --output FILE\n".utf8))
    exit(2)
}

/// Files under `root` as sorted relative paths, so the generated source is the same on every machine.
func relativeFiles(under root: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    let base = root.standardizedFileURL.path + "/"
    return walker.compactMap { $0 as? URL }
        .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        .map { String($0.standardizedFileURL.path.dropFirst(base.count)) }
        .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        .sorted()
}

func read(_ url: URL) -> String? {
    (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The checked-out commit, read from the files git keeps (no git binary needed at build time).
func commit(gitDirectory: URL) -> String? {
    guard let head = read(gitDirectory.appending(path: "HEAD")) else { return nil }
    guard head.hasPrefix("ref: ") else { return head }
    let ref = String(head.dropFirst("ref: ".count))
    let common = read(gitDirectory.appending(path: "commondir")).map { gitDirectory.appending(path: $0).standardizedFileURL }
        ?? gitDirectory
    for folder in [gitDirectory, common] {
        if let loose = read(folder.appending(path: ref)) { return loose }
    }
    let packed = read(common.appending(path: "packed-refs")) ?? ""
    for line in packed.split(separator: "\n") {
        let fields = line.split(separator: " ")
        if fields.count == 2, fields[1] == Substring(ref) { return String(fields[0]) }
    }
    return nil
}

func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

let theme = URL(fileURLWithPath: themePath)
var source = "// Generated at build time by duet-embed from themes/default/, VERSION and the git HEAD. Do not edit.\n\n"
source += "extension BuiltinTheme {\n    static let encodedFiles: [(path: String, base64: String)] = [\n"
for relative in relativeFiles(under: theme) {
    guard let data = FileManager.default.contents(atPath: theme.appending(path: relative).path) else {
        FileHandle.standardError.write(Data("duet-embed: cannot read \(themePath)/\(relative)\n".utf8))
        exit(1)
    }
    source += "        (\(quoted(relative)), \(quoted(data.base64EncodedString()))),\n"
}
source += "    ]\n}\n\n"
let version = read(URL(fileURLWithPath: versionPath)) ?? "0.0.0"
let revision = options["git-dir"].flatMap { commit(gitDirectory: URL(fileURLWithPath: $0)) } ?? "unknown"
source += "extension DuetVersion {\n    public static let number = \(quoted(version))\n    public static let commit = \(quoted(revision))\n}\n"

let output = URL(fileURLWithPath: outputPath)
// Unchanged text is not rewritten, so a commit that leaves the theme alone recompiles nothing more.
if read(output).map({ $0 + "\n" }) != source {
    do {
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("duet-embed: cannot write \(outputPath): \(error)\n".utf8))
        exit(1)
    }
}
