import ArgumentParser
import DuetAuthoring
import DuetBuild
import DuetModel
import Foundation

/// `duet import jekyll PATH`: a whole Jekyll site turned into a Duet content folder, ending with
/// what was carried over, what needs a person, and every warning the first build will print.
struct ImportJekyllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jekyll",
        abstract: "Turn a Jekyll site (_config.yml, _posts/, pages, _includes/, assets) into a Duet content folder.")

    @Option(help: "The content folder to create (it must not exist or be empty).")
    var source = "content"

    @Argument(help: "The Jekyll site's folder.")
    var path: String

    func run() throws {
        try DiagnosticExit.reporting {
            let site = try JekyllSite.read(URL(fileURLWithPath: path), display: path)
            let plan = try JekyllImport.plan(site)
            try JekyllImportWriter.write(plan, to: URL(fileURLWithPath: source), display: source)
            print("Imported \(path) into \(source)/ (\(plan.files.count + plan.copies.count) files).")
            print("\nCarried over:")
            for line in plan.carried { print("  - \(line)") }
            let (_, diagnostics) = SiteReader.read(source: source)
            let warnings = diagnostics.filter { $0.severity == .warning }
            let errors = diagnostics.filter { $0.severity == .error }
            if !plan.needsAPerson.isEmpty || !diagnostics.isEmpty {
                print("\nNeeds a person:")
                for line in plan.needsAPerson { print("  - \(line)") }
            }
            if !warnings.isEmpty {
                print("\nThe build will warn about (errors with --strict):")
                for warning in warnings { print("  \(warning)") }
            }
            if !errors.isEmpty {
                print("\nThe build will stop at:")
                for error in errors { print("  \(error)") }
            }
        }
    }
}
