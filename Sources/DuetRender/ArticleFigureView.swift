import DuetModel
import Foundation
import DuetTemplate

/// The picture an article's `image:` names, as its page shows it under the title: with the
/// author's caption (`image_caption:`), alt text (`image_alt:`, else the caption, else the title)
/// and, for a file of the site, its size, so the text below does not move when it loads.
struct ArticleFigureView: TemplateView, Sendable {
    var source: String
    var alt: String
    var caption: String?
    var size: ImageSize?

    /// `source` is the link as pages write it (under the base path); `document.image` is the
    /// site path the sizes are keyed by.
    init?(_ document: ParsedDocument, source: String?, sizes: [String: ImageSize]) {
        guard let source, let path = document.image, !path.isEmpty else { return nil }
        func text(_ key: String) -> String? {
            document.text(key).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.source = source
        caption = text("image_caption")
        alt = text("image_alt") ?? caption ?? document.title
        size = sizes[path]
    }

    func value(for name: String) -> TemplateValue {
        switch name {
        case "src": return TemplateValue(source)
        case "alt": return TemplateValue(alt)
        case "caption": return TemplateValue(caption)
        case "has_size": return .bool(size != nil)
        case "width": return TemplateValue(size.map { String($0.width) })
        case "height": return TemplateValue(size.map { String($0.height) })
        default: return .none
        }
    }
}
