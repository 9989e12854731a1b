import CCmarkGFM
import DuetModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one place that sees libcmark-gfm. A `CmarkDocument` owns its parser and tree and frees
/// both in `deinit`; no C pointer leaves this file.
final class CmarkDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let options: Int32

    /// Debian's libcmark-gfm 0.29.0.gfm.6 keeps a process-wide special-character table that
    /// `cmark_parser_finish` toggles per extension; two threads finishing at once silently lose
    /// strikethrough and autolinks. Only `finish` is serialised: parsing and rendering stay parallel.
    private static let finishLock = NSLock()

    /// Registering the core extensions mutates a global list: do it exactly once.
    private static let extensionNames: [String] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    }()

    private init?(markdown: String, smartPunctuation: Bool) {
        var options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if smartPunctuation { options |= CMARK_OPT_SMART }
        self.options = options
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in Self.extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = markdown
        bytes.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        Self.finishLock.lock()
        let root = cmark_parser_finish(parser)
        Self.finishLock.unlock()
        guard let root else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    static func render(_ markdown: String, smartPunctuation: Bool) -> RenderedMarkdown {
        guard let document = CmarkDocument(markdown: markdown, smartPunctuation: smartPunctuation) else {
            return RenderedMarkdown(html: "", headings: [])
        }
        document.endBareURLsAtChineseText()
        document.dropEastAsianSoftBreaks()
        document.markEmphasisForChineseTypography()
        let headings = document.anchorHeadings()
        return RenderedMarkdown(html: document.html(of: document.root), headings: headings)
    }

    /// cmark's HTML renderer writes bare `<h2>`; each heading is rendered on its own, given its id,
    /// and swapped for a raw HTML block carrying that markup.
    private func anchorHeadings() -> [DocumentHeading] {
        var nodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                   let node = cmark_iter_get_node(iterator),
                   cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    nodes.append(node)
                }
            }
            cmark_iter_free(iterator)
        }
        var anchors = HeadingAnchors()
        var headings: [DocumentHeading] = []
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let id = anchors.id(for: text)
            headings.append(DocumentHeading(level: level, text: text, id: id))
            let rendered = html(of: node)
            let open = "<h\(level)>"
            let markup = rendered.hasPrefix(open)
                ? "<h\(level) id=\"\(id.markupEscaped)\">" + rendered.dropFirst(open.count) : rendered
            guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            cmark_node_set_literal(block, markup)
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return headings
    }

    /// A line break typed inside Chinese text is an editor's wrap, not a space: Chromium renders
    /// the newline between two Han characters as one. Each soft break with a Han, kana or
    /// full-width character on either side (see `EastAsianWidth`) is removed from the tree, so
    /// every output made from the HTML (excerpts, feeds, search, EPUB) reads the same.
    private func dropEastAsianSoftBreaks() {
        var doomed: [OpaquePointer] = []
        var pending: OpaquePointer?
        var before: UInt32?
        func settle(after: UInt32?) {
            guard let softBreak = pending else { return }
            if before.map(EastAsianWidth.setsSolid) == true || after.map(EastAsianWidth.setsSolid) == true {
                doomed.append(softBreak)
            }
            pending = nil
        }
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { continue }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(literal))
                guard let first = UTF8Edges.first(bytes) else { continue }
                settle(after: first)
                before = UTF8Edges.last(bytes)
            case CMARK_NODE_SOFTBREAK:
                settle(after: nil)
                pending = node
            case CMARK_NODE_LINEBREAK:
                settle(after: nil)
                before = nil
            default:
                // Inline containers and raw inline HTML are transparent; a block edge ends the run.
                if type.rawValue & 0xC000 == 0x8000 {
                    settle(after: nil)
                    before = nil
                }
            }
        }
        settle(after: nil)
        cmark_iter_free(iterator)
        for node in doomed {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Chinese does not slant: the theme sets `em` on Chinese pages with emphasis dots, and a
    /// paragraph that is all emphasis (the italic lead of an article) upright in a Kai face. Two
    /// cases need telling apart in the HTML, since CSS cannot see what script an element holds:
    /// `<em class="whole">` is a paragraph's only content; `<em class="latin">` holds only Latin
    /// text inside a paragraph of Chinese (a book title), and keeps its real italics.
    private func markEmphasisForChineseTypography() {
        var marked: [(node: OpaquePointer, mark: String)] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_EMPH,
                  let parent = cmark_node_parent(node) else { continue }
            if cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH, cmark_node_previous(node) == nil, cmark_node_next(node) == nil {
                marked.append((node, "whole"))
            } else {
                let own = ScriptCount(of: node)
                if own.latin > 0, own.solid == 0, let block = enclosingBlock(of: node), ScriptCount(of: block).solid > 0 {
                    marked.append((node, "latin"))
                }
            }
        }
        cmark_iter_free(iterator)
        for (node, mark) in marked {
            guard let open = cmark_node_new(CMARK_NODE_HTML_INLINE), let close = cmark_node_new(CMARK_NODE_HTML_INLINE) else { continue }
            cmark_node_set_literal(open, "<em class=\"\(mark)\">")
            cmark_node_set_literal(close, "</em>")
            cmark_node_insert_before(node, open)
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            cmark_node_insert_before(node, close)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let candidate = current, cmark_node_get_type(candidate).rawValue & 0xC000 != 0x8000 {
            current = cmark_node_parent(candidate)
        }
        return current
    }

    /// How many Latin letters and how many solid-set (Han, kana, full-width) characters the text
    /// under a node holds.
    private struct ScriptCount {
        var latin = 0
        var solid = 0

        init(of node: OpaquePointer) {
            guard let iterator = cmark_iter_new(node) else { return }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let child = cmark_iter_get_node(iterator), cmark_node_get_type(child) == CMARK_NODE_TEXT,
                      let literal = cmark_node_get_literal(child) else { continue }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(literal))
                var index = 0
                while index < bytes.count {
                    let (value, length) = UTF8Edges.decode(bytes, at: index)
                    if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xC0...0x24F).contains(value) {
                        latin += 1
                    } else if EastAsianWidth.setsSolid(value) {
                        solid += 1
                    }
                    index += length
                }
            }
            cmark_iter_free(iterator)
        }
    }

    /// Cuts each bare URL the autolink extension found at the first Chinese character or mark
    /// (`BareURLEnd`); the rest goes back into the text. Links written `<...>` or `[text](url)`
    /// are left alone: they are told apart by their source position (the extension's links
    /// have none, or start where their text starts; a `<...>` link starts one column earlier).
    private func endBareURLsAtChineseText() {
        var links: [(link: OpaquePointer, text: OpaquePointer)] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK,
                  let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
                  cmark_node_get_type(child) == CMARK_NODE_TEXT,
                  cmark_node_get_start_line(node) == 0
                    || cmark_node_get_start_column(node) == cmark_node_get_start_column(child)
            else { continue }
            links.append((node, child))
        }
        cmark_iter_free(iterator)
        for (link, text) in links {
            guard let literal = cmark_node_get_literal(text), let urlPointer = cmark_node_get_url(link) else { continue }
            let linkText = String(cString: literal)
            let url = String(cString: urlPointer)
            guard url.hasSuffix(linkText) else { continue }
            let kept = linkText.utf8.withContiguousStorageIfAvailable(BareURLEnd.linkedLength) ?? nil
            guard let kept else { continue }
            let bytes = Array(linkText.utf8)
            let head = String(decoding: bytes[0..<kept], as: UTF8.self)
            let tail = String(decoding: bytes[kept...], as: UTF8.self)
            guard let rest = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(rest, kept == 0 ? linkText : tail)
            cmark_node_insert_after(link, rest)
            if kept == 0 {
                cmark_node_unlink(link)
                cmark_node_free(link)
            } else {
                cmark_node_set_literal(text, head)
                cmark_node_set_url(link, String(url.utf8.dropLast(bytes.count - kept)) ?? url)
            }
        }
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        return text
    }

    private func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
