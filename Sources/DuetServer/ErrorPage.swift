import DuetBuild
import DuetModel
import Foundation

/// What the browser shows while the last build failed: every problem as `file:line:col: message`
/// with the offending line and a caret, the same text the terminal prints.
///
/// Served with status 500 in place of HTML pages only; stylesheets, images and feeds keep coming
/// from the last good site, so the page reloaded after the fix looks right at once. The live-reload
/// script is part of the page, so fixing the file brings the real page back by itself.
enum ErrorPage {
    static func render(_ report: BuildReport, build: Int) -> Data {
        var items: [String] = []
        var sources = SourceExcerpts()
        let problems = report.diagnostics.filter { $0.severity == .error } + report.diagnostics.filter { $0.severity == .warning }
        for diagnostic in problems.prefix(100) {
            var item = "<li class=\"\(diagnostic.severity.rawValue)\"><p><code>\(escape(diagnostic.location.description))</code>: "
                + "<strong>\(diagnostic.severity.rawValue):</strong> \(escape(diagnostic.message))</p>"
            if let excerpt = sources.excerpt(at: diagnostic.location) {
                let number = String(diagnostic.location.line)
                var block = "\(number) | \(excerpt.line)"
                if let indent = excerpt.caretIndent { block += "\n\(String(repeating: " ", count: number.count)) | \(indent)^" }
                item += "<pre>\(escape(block))</pre>"
            }
            items.append(item + "</li>")
        }
        if problems.count > 100 { items.append("<li><p>… and \(problems.count - 100) more (see the terminal).</p></li>") }
        if let failure = report.writeFailure { items.append("<li class=\"error\"><p>\(escape(failure.description))</p></li>") }
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · duet serve</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
            h1 { color: #b00020; font-size: 1.5rem; }
            ol { padding-left: 1.25rem; }
            li { margin-bottom: 1.25rem; }
            li.warning strong { color: #8a5a00; }
            li.error strong { color: #b00020; }
            code, pre { font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
            pre { background: #f6f6f6; padding: .75rem; overflow-x: auto; border-left: 3px solid #b00020; }
            </style>
            </head>
            <body>
            <h1>Build failed</h1>
            <p>\(escape(report.summary)). The page reloads by itself once the problem is fixed.</p>
            <ol>
            \(items.joined(separator: "\n"))
            </ol>
            </body>
            </html>

            """
        return LiveReload.inject(into: Data(html.utf8), build: build)
    }

    static func escape(_ text: String) -> String { text.markupEscaped }
}
