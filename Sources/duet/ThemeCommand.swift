import ArgumentParser
import DuetBuild
import DuetEmbedded
import DuetModel
import Foundation

/// `duet theme export DIR`: the built-in theme as files, for a publication that wants to change
/// more than `content/theme/` overrides allow.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the theme compiled into duet.",
        subcommands: [ThemeExportCommand.self])
}

struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in theme into a new folder (refused if the folder exists and is not empty).")

    @Argument(help: "The folder to create, e.g. themes/mine.")
    var folder: String

    func run() throws {
        try DiagnosticExit.reporting {
            do {
                try BuiltinTheme.export(to: URL(fileURLWithPath: folder))
            } catch {
                throw DiagnosticExit(.error("\(error)", at: SourceLocation(file: folder)))
            }
            print("Wrote the built-in theme (\(BuiltinTheme.files.count) files) to \(folder)")
            print("Use it with 'theme: \(folder)' in site.yml (relative to the folder that holds content/) or --theme \(folder).")
        }
    }
}
