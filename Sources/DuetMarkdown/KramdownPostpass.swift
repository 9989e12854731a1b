import DuetModel
import Foundation

/// After cmark: each marker's attribute list moves onto the element it follows.
///
/// - right after an element (`<a ...>x</a>M`): that element (a span list);
/// - alone in a paragraph (`<p>M</p>`): the block before it, and the paragraph goes;
/// - at the end of an element's content (`<p>text\nM</p>`, `<h2>Title M</h2>`): that element.
struct KramdownPostpass {
    private(set) var rendered: RenderedMarkdown
    let lists: [KramdownList]
    private(set) var diagnostics: [Diagnostic] = []

    init(rendered: RenderedMarkdown, lists: [KramdownList]) {
        self.rendered = rendered
        self.lists = lists
    }

    mutating func run() {
        var html = rendered.html
        var searchFrom = html.startIndex
        while let open = html.range(of: String(Character(KramdownMarker.open)), range: searchFrom..<html.endIndex),
              let close = html.range(of: String(Character(KramdownMarker.close)), range: open.upperBound..<html.endIndex) {
            // An author's own private-use characters are not markers: only U+E100...U+E10F digits are.
            let scalars = html[open.upperBound..<close.lowerBound].unicodeScalars
            let digits = scalars.count <= 8 && scalars.allSatisfy({ (KramdownMarker.digitBase..<KramdownMarker.digitBase + 16).contains($0.value) })
                ? scalars.map { String($0.value - KramdownMarker.digitBase, radix: 16) }.joined() : ""
            guard let number = Int(digits, radix: 16), lists.indices.contains(number) else {
                searchFrom = open.upperBound
                continue
            }
            let list = lists[number]
            let marker = open.lowerBound..<close.upperBound
            let next = apply(list, at: marker, in: &html)
            searchFrom = next
        }
        rendered.html = html
        for index in rendered.headings.indices {
            rendered.headings[index].text = Self.removingMarkers(rendered.headings[index].text)
        }
    }

    static func removingMarkers(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var inMarker = false
        for scalar in text.unicodeScalars {
            if scalar == KramdownMarker.open { inMarker = true; continue }
            if scalar == KramdownMarker.close { inMarker = false; continue }
            if !inMarker { scalars.append(scalar) }
        }
        var result = String(scalars)
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Applies one list; returns where to look for the next marker.
    private mutating func apply(_ list: KramdownList, at marker: Range<String.Index>, in html: inout String) -> String.Index {
        let before = html[..<marker.lowerBound]
        let after = html[marker.upperBound...]
        if list.isRawHTML {
            let whole = before.hasSuffix("<p>") && after.hasPrefix("</p>")
                ? html.index(marker.lowerBound, offsetBy: -3)..<html.index(marker.upperBound, offsetBy: 4) : marker
            let offset = html.distance(from: html.startIndex, to: whole.lowerBound)
            html.replaceSubrange(whole, with: list.written)
            return html.index(html.startIndex, offsetBy: offset + list.written.count)
        }
        let unsupported = list.attributes.references.filter { $0 != "toc" }
        if !unsupported.isEmpty {
            diagnostics.append(.warning("kramdown attribute list reference '\(unsupported.joined(separator: " "))' is not supported; it is ignored",
                                        at: list.location))
        }
        if list.attributes.references.contains("toc") {
            return tableOfContents(at: marker, in: &html)
        }
        // A span list: right after a closing tag or an image.
        if before.hasSuffix(">"), let tagStart = before.lastIndex(of: "<") {
            let tag = before[tagStart...]
            if tag.hasPrefix("</"), let name = Self.tagName(tag.dropFirst(2)), let opening = Self.opening(name, before: tagStart, in: html) {
                html.removeSubrange(marker)
                return retag(opening, with: list, in: &html)
            }
            if tag.hasPrefix("<img") {
                html.removeSubrange(marker)
                return retag(tagStart..<before.endIndex, with: list, in: &html)
            }
        }
        // Alone in a paragraph: the block before it.
        if before.hasSuffix("<p>"), after.hasPrefix("</p>") {
            let paragraphStart = html.index(marker.lowerBound, offsetBy: -3)
            var paragraphEnd = html.index(marker.upperBound, offsetBy: 4)
            if paragraphEnd < html.endIndex, html[paragraphEnd] == "\n" { paragraphEnd = html.index(after: paragraphEnd) }
            var previous = html[..<paragraphStart]
            while previous.last?.isWhitespace == true { previous = previous.dropLast() }
            html.removeSubrange(paragraphStart..<paragraphEnd)
            if previous.hasSuffix(">"), let tagStart = previous.lastIndex(of: "<"), previous[tagStart...].hasPrefix("</"),
               let name = Self.tagName(previous[tagStart...].dropFirst(2)), let opening = Self.opening(name, before: tagStart, in: html) {
                return retag(opening, with: list, in: &html)
            }
            diagnostics.append(.warning("kramdown attribute list '\(list.written)' follows no element; it is ignored", at: list.location))
            return paragraphStart
        }
        // At the end of an element's content.
        if after.hasPrefix("</"), let name = Self.tagName(after.dropFirst(2)) {
            var start = marker.lowerBound
            // The line break before a list on its own line, however it was rendered (`\n`, ` `, `<br />`).
            while true {
                while start > html.startIndex, html[html.index(before: start)].isWhitespace { start = html.index(before: start) }
                guard list.ownLine, let br = ["<br />", "<br/>", "<br>"].first(where: { html[..<start].hasSuffix($0) }) else { break }
                start = html.index(start, offsetBy: -br.count)
            }
            let ownLine = list.ownLine
            html.removeSubrange(start..<marker.upperBound)
            // After a table, the list line became a row of its own; after a tight list, part of its
            // last item: kramdown means the table or the list.
            if name == "td" || name == "th", let row = Self.opening("tr", before: start, in: html),
               let rowEnd = html.range(of: "</tr>", range: row.upperBound..<html.endIndex),
               html[row.upperBound..<rowEnd.lowerBound].replacingOccurrences(of: "<td>", with: "").replacingOccurrences(of: "</td>", with: "")
                .replacingOccurrences(of: "<th>", with: "").replacingOccurrences(of: "</th>", with: "").allSatisfy(\.isWhitespace) {
                var end = rowEnd.upperBound
                if end < html.endIndex, html[end] == "\n" { end = html.index(after: end) }
                html.removeSubrange(row.lowerBound..<end)
                if let table = Self.opening("table", before: row.lowerBound, in: html) { return retag(table, with: list, in: &html) }
                return row.lowerBound
            }
            if name == "li", ownLine {
                let ul = Self.opening("ul", before: start, in: html), ol = Self.opening("ol", before: start, in: html)
                if let parent = [ul, ol].compactMap({ $0 }).max(by: { $0.lowerBound < $1.lowerBound }) {
                    return retag(parent, with: list, in: &html)
                }
            }
            if let opening = Self.opening(name, before: start, in: html) {
                return retag(opening, with: list, in: &html)
            }
            return start
        }
        diagnostics.append(.warning("kramdown attribute list '\(list.written)' does not follow an element; it is left as text",
                                    at: list.location))
        html.replaceSubrange(marker, with: list.written.markupEscaped)
        return html.index(marker.lowerBound, offsetBy: list.written.markupEscaped.count, limitedBy: html.endIndex) ?? html.endIndex
    }

    /// Rewrites the opening tag at `range`; a heading's new id is also given to its entry in `headings`.
    private mutating func retag(_ range: Range<String.Index>, with list: KramdownList, in html: inout String) -> String.Index {
        let tag = String(html[range])
        let updated = list.attributes.applied(to: tag)
        if let newID = list.attributes.id, tag.count > 3, tag.hasPrefix("<h"), tag.dropFirst(2).first?.isNumber == true,
           let oldStart = tag.range(of: " id=\""), let oldEnd = tag[oldStart.upperBound...].firstIndex(of: "\"") {
            let old = String(tag[oldStart.upperBound..<oldEnd])
            if let index = rendered.headings.firstIndex(where: { $0.id == old }) { rendered.headings[index].id = newID }
        }
        let start = range.lowerBound
        let offset = html.distance(from: html.startIndex, to: start)
        html.replaceSubrange(range, with: updated)
        return html.index(html.startIndex, offsetBy: offset + updated.count)
    }

    /// kramdown's `* TOC\n{:toc}`: the list holding the marker becomes the page's headings.
    private func tableOfContents(at marker: Range<String.Index>, in html: inout String) -> String.Index {
        let before = html[..<marker.lowerBound]
        guard let listStart = [before.range(of: "<ul>", options: .backwards), before.range(of: "<ol>", options: .backwards)]
            .compactMap({ $0 }).max(by: { $0.lowerBound < $1.lowerBound }),
              let listEnd = html.range(of: html[listStart].hasPrefix("<ul") ? "</ul>" : "</ol>", range: marker.upperBound..<html.endIndex) else {
            html.removeSubrange(marker)
            return marker.lowerBound
        }
        var toc = "<ul id=\"markdown-toc\">\n"
        for heading in rendered.headings where heading.level >= 2 {
            toc += "<li class=\"toc-h\(heading.level)\"><a href=\"#\(heading.id.markupEscaped)\">\(Self.removingMarkers(heading.text).markupEscaped)</a></li>\n"
        }
        toc += "</ul>"
        let offset = html.distance(from: html.startIndex, to: listStart.lowerBound)
        html.replaceSubrange(listStart.lowerBound..<listEnd.upperBound, with: toc)
        return html.index(html.startIndex, offsetBy: offset + toc.count)
    }

    static func tagName(_ text: Substring) -> String? {
        let name = text.prefix { $0.isLetter || $0.isNumber }
        return name.isEmpty ? nil : name.lowercased()
    }

    /// The opening tag of the element named `name` whose end is at `end`, nesting counted.
    static func opening(_ name: String, before end: String.Index, in html: String) -> Range<String.Index>? {
        var depth = 0
        var cursor = end
        while let start = html[..<cursor].lastIndex(of: "<") {
            let rest = html[html.index(after: start)...]
            if rest.hasPrefix("/"), tagName(rest.dropFirst()) == name {
                depth += 1
            } else if tagName(rest) == name {
                if depth == 0, let close = html[start...].firstIndex(of: ">") { return start..<html.index(after: close) }
                depth -= 1
            }
            cursor = start
        }
        return nil
    }
}
