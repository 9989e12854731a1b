import DuetModel
import Mustache

/// A file offered for download (an issue's EPUB), with its size so readers on slow connections
/// know what they are fetching.
struct DownloadView: MustacheParent, Sendable {
    var url: String
    var bytes: Int

    /// `48 KB`, `1.2 MB`: sizes in the units readers see in their download managers.
    var size: String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 999) / 1_000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    func child(named name: String) -> Any? {
        switch name {
        case "url": return url
        case "size": return size
        default: return nil
        }
    }
}

extension PageContextFactory {
    /// The issue's EPUB in `language`, when the build made one.
    func epubDownload(_ issue: Issue, language: String) -> DownloadView? {
        let path = IssueEpubs.outputPath(issue: issue.id, language: language, in: graph)
        guard let bytes = downloads[path] else { return nil }
        return DownloadView(url: links.basePath + "/" + path, bytes: bytes)
    }
}
