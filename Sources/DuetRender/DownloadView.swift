import DuetModel
import Mustache

/// A file offered for download (an issue's EPUB). Its size is not shown: the issue page would
/// then change with every edit of any of its articles, and be rendered again each time.
struct DownloadView: MustacheParent, Sendable {
    var url: String

    func child(named name: String) -> Any? {
        name == "url" ? url : nil
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
