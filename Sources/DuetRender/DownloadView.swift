import DuetModel
import DuetTemplate

/// A file offered for download (an issue's EPUB). Its size is not shown: the issue page would
/// then change with every edit of any of its articles, and be rendered again each time.
struct DownloadView: TemplateView, Sendable {
    var url: String

    func value(for name: String) -> TemplateValue {
        name == "url" ? .text(url) : .none
    }
}

extension PageContextFactory {
    /// The issue's EPUB in `language`, when the build made one.
    func epubDownload(_ issue: Issue, language: String) -> DownloadView? {
        let path = IssueEpubs.outputPath(issue: issue.id, language: language, in: graph)
        guard downloads.contains(path) else { return nil }
        return DownloadView(url: links.basePath + "/" + path)
    }
}
