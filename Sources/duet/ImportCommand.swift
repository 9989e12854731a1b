import ArgumentParser
import DuetAuthoring
import DuetModel
import Foundation

/// `duet import FILE.txt` (the default) and `duet import jekyll PATH`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a text file as a draft post, or a whole Jekyll site (duet import jekyll PATH).",
        subcommands: [ImportTextCommand.self, ImportJekyllCommand.self],
        defaultSubcommand: ImportTextCommand.self)
}

/// `duet import`: an article that reached the editors as text extracted from a PDF, turned into
/// a draft post with paragraphs, headings and lists restored.
struct ImportTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Turn plain text extracted from a PDF into a draft post (paragraphs, headings, lists).")

    @Option(help: "The content folder.")
    var source = "content"

    @Option(help: "The article's language code.")
    var lang: String

    @Option(help: "The issue the post belongs to, e.g. 2025-Q2.")
    var issue: String?

    @Option(help: "The URL slug (default: from the title).")
    var slug: String?

    @Argument(help: "The text file.")
    var file: String

    func run() throws {
        try DiagnosticExit.reporting {
            let config = try DraftFile.config(source: source, writingIn: lang)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw AuthoringError.unreadable(path: file, reason: "no such file")
            }
            let article = PlainTextImport.convert(try PlainTextImport.decode(data, path: file))
            let title = article.title ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let slug = self.slug ?? Slug.make(from: title)
            guard Slug.isValid(slug) else {
                throw AuthoringError.badTitle("no slug can be made from '\(title)'; give one with --slug")
            }
            let draft = PostDraft(language: lang, title: title, slug: slug,
                                  date: PostDraft.date(Date(), timeZone: config.timeZone), issue: issue, body: article.markdown)
            let path = "\(source)/\(draft.relativePath)"
            try DraftFile.create(path, text: draft.text)
            print("Wrote \(path) from \(file) (a draft: check the headings, lists and authors, then remove 'draft: true')")
        }
    }
}
