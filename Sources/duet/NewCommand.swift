import ArgumentParser
import DuetAuthoring
import DuetModel
import Foundation

/// `duet new post` and `duet new translation`: files that start with the publication's front
/// matter, so authors never copy an old post and forget to change its date.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new publication, a new post, or the translation of an existing one.",
        subcommands: [NewSiteCommand.self, NewPostCommand.self, NewTranslationCommand.self])
}

struct NewPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Write posts/LANG/YYYY-MM-DD-slug.md, dated now in the site's time zone, as a draft.")

    @Option(help: "The content folder.")
    var source = "content"

    @Option(help: "The post's language code (one of site.yml's languages).")
    var lang: String

    @Option(help: "The issue the post belongs to, e.g. 2025-Q2 (default: the quarter of its date).")
    var issue: String?

    @Option(help: "The URL slug (default: from the title; Chinese titles are transliterated to pinyin).")
    var slug: String?

    @Argument(help: "The title.")
    var title: String

    func run() throws {
        try DiagnosticExit.reporting {
            let config = try DraftFile.config(source: source, writingIn: lang)
            let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else { throw AuthoringError.badTitle("the title is empty") }
            let slug = self.slug ?? Slug.make(from: title)
            guard Slug.isValid(slug) else {
                throw AuthoringError.badTitle("slug '\(slug)' must be lower-case letters, digits and single hyphens (give one with --slug)")
            }
            if let issue, Issue.quarterKey(issue) == nil,
               !FileManager.default.fileExists(atPath: "\(source)/issues/\(issue.lowercased()).yml") {
                throw AuthoringError.badTitle("issue '\(issue)' is not a quarter like 2025-Q2 and has no file in \(source)/issues/")
            }
            let draft = PostDraft(language: lang, title: title, slug: slug,
                                  date: PostDraft.date(Date(), timeZone: config.timeZone), issue: issue)
            let path = "\(source)/\(draft.relativePath)"
            try DraftFile.create(path, text: draft.text)
            print("Wrote \(path) (a draft: build with --drafts to preview it)")
        }
    }
}

struct NewTranslationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translation",
        abstract: "Write the twin of a post in the other language: front matter copied, title marked for translation.")

    @Option(help: "The language to translate into (default: the site's other language).")
    var lang: String?

    @Option(help: "The content folder.")
    var source = "content"

    @Argument(help: "The original post, e.g. content/posts/en/2025-04-15-common-ground.md.")
    var file: String

    func run() throws {
        try DiagnosticExit.reporting {
            let config = try DraftFile.config(source: source)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw AuthoringError.unreadable(path: file, reason: "no such file")
            }
            let components = file.split(separator: "/").map(String.init)
            guard let folder = components.dropLast().last, config.language(folder) != nil,
                  components.dropLast(2).last == "posts" else {
                throw AuthoringError.noLanguage(path: file, reason: "the original must be a post under posts/<language>/")
            }
            let others = config.languages.map(\.code).filter { $0 != folder }
            let target: String
            if let lang {
                guard others.contains(lang) else {
                    throw AuthoringError.noLanguage(path: file, reason: "cannot translate into '\(lang)' (choose one of: \(others.joined(separator: ", ")))")
                }
                target = lang
            } else {
                guard others.count == 1, let only = others.first else {
                    throw AuthoringError.noLanguage(path: file, reason: "the site has several other languages; choose one with --lang")
                }
                target = only
            }
            guard let text = TranslationDraft.make(from: String(decoding: data, as: UTF8.self), originalPath: file,
                                                   language: target) else {
                throw AuthoringError.noLanguage(path: file, reason: "the original has no front matter to copy")
            }
            let path = (components.dropLast(3) + ["posts", target, components[components.count - 1]]).joined(separator: "/")
            let written = file.hasPrefix("/") ? "/" + path : path
            try DraftFile.create(written, text: text)
            print("Wrote \(written) (a draft: translate the title and the body, then remove 'draft: true')")
        }
    }
}
