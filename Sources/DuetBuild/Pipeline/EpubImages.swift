import DuetModel
import DuetRender
import DuetSource
import Foundation

/// Reads the images the issue EPUBs embed (covers, article figures) before rendering, so the
/// EPUBs are made without touching the disk. A missing cover was already reported when the issue
/// was loaded; its book simply has no cover.
enum EpubImages {
    static func load(for graph: SiteGraph, from staticFiles: [StaticFile]) -> [String: Data] {
        let wanted = IssueEpubs.imagePaths(in: graph)
        var images: [String: Data] = [:]
        for file in staticFiles where wanted.contains("/" + file.outputPath) {
            images["/" + file.outputPath] = try? Data(contentsOf: file.url)
        }
        return images
    }
}
