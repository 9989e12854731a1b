import ArgumentParser
import DuetEmbedded

@main
struct Duet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duet",
        abstract: "A static site generator for a bilingual quarterly review.",
        version: DuetVersion.description,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ListCommand.self,
                      StatusCommand.self, NewCommand.self, ImportCommand.self, ThemeCommand.self, ExportCommand.self],
        defaultSubcommand: BuildCommand.self)

    static func main() {
        MallocSettings.apply()
        main(nil)
    }
}
