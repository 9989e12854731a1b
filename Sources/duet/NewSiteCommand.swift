import ArgumentParser
import DuetAuthoring
import DuetEmbedded
import DuetModel
import Foundation

/// `duet new site DIR`: a publication of one's own, outside Duet's repository, that builds with
/// `--strict` at once.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Start a new publication in DIR: settings, a first issue, author, article and About page, a GitHub workflow.")

    @Option(help: "The languages, the first one the default (en, zh).")
    var languages = "en,zh"

    @Argument(help: "The folder to create (refused if it exists and is not empty).")
    var folder: String

    func run() throws {
        try DiagnosticExit.reporting {
            let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let url = URL(fileURLWithPath: folder)
            let skeleton: SiteSkeleton
            do {
                skeleton = try SiteSkeleton(languages: codes, folderName: url.standardizedFileURL.lastPathComponent,
                                            now: Date(), duetVersion: DuetVersion.number)
            } catch {
                throw DiagnosticExit(.error("\(error)", at: SourceLocation(file: "<command line>")))
            }
            do {
                try skeleton.write(to: url, display: folder)
            } catch let error as SiteSkeleton.WriteError {
                throw DiagnosticExit(error.diagnostic)
            }
            print("""
                Wrote a new publication to \(folder). Next:
                  cd \(folder)
                  duet serve                 # preview at http://127.0.0.1:4000/, rebuilt on every change
                  duet build --strict        # the site in _site/, every warning an error
                  duet check                 # links, assets and translations of the built site
                """)
        }
    }
}
