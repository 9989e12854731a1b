import DuetModel

/// `/status/`: the translation status table as a page for the editors. It is built only with
/// drafts (a preview, never the published site), carries `noindex`, and is written in English
/// like the rest of the editors' tooling; each title keeps its own language for screen readers.
public struct StatusPage: Sendable {
    public var status: TranslationStatus
    public var config: SiteConfig
    /// The theme's stylesheet as written (`/css/duet.3f2a9c1b.css`), when it has one.
    public var stylesheet: String?

    public init(status: TranslationStatus, config: SiteConfig, stylesheet: String? = nil) {
        self.status = status
        self.config = config
        self.stylesheet = stylesheet
    }

    public func render() -> OutputFile {
        func tag(_ code: String) -> String { (config.language(code)?.tag ?? code).markupEscaped }
        func name(_ code: String) -> String { (config.language(code)?.name ?? code).markupEscaped }
        let rows = status.rows.map { row in
            """
            <tr><td>\(row.issueID.markupEscaped)</td><td lang="\(tag(row.originalLanguage))">\(row.title.markupEscaped)</td>\
            <td>\(name(row.originalLanguage))</td><td>\(name(row.language))</td><td>\(row.state.rawValue)</td>\
            <td><code>\(row.originalPath.markupEscaped)</code></td></tr>
            """
        }.joined(separator: "\n")
        let table = status.isEmpty ? "<p>Every article is translated and up to date.</p>" : """
            <table>
            <caption>\(status.rows.count) translations to write or update</caption>
            <thead><tr><th scope="col">Issue</th><th scope="col">Article</th><th scope="col">Original</th>\
            <th scope="col">Needs</th><th scope="col">State</th><th scope="col">Source</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            """
        let css = stylesheet.map { "\n<link rel=\"stylesheet\" href=\"\(config.basePath.markupEscaped)/\($0.markupEscaped)\">" } ?? ""
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>Translation status · \(config.title(in: config.defaultLanguage).markupEscaped)</title>\(css)
            </head>
            <body>
            <main>
            <h1>Translation status</h1>
            <p>Articles that lack a translation, or whose translation is older than the original (by <code>updated:</code>, else <code>date:</code>). Built only with drafts; not linked from the site.</p>
            \(table)
            </main>
            </body>
            </html>

            """
        return OutputFile(path: SiteGraph.statusRoute.outputPath, contents: html)
    }
}
