import DuetModel

/// Two versions of an article cut into matching sections, for reading them side by side.
///
/// Sections start at each `<h2>` and `<h3>` of the rendered HTML (what comes before the first
/// heading is a section too). Translations keep their structure far more often than their
/// wording, so heading order is what pairs a section with its twin; when the two versions do not
/// have the same headings at the same levels, any pairing would mislead, and the whole texts
/// are shown side by side instead (`aligned` is false).
struct ParallelText: Sendable {
    struct Section: Sendable {
        /// 2 or 3 for a section that starts with a heading, nil for the text before the first one.
        var level: Int?
        var html: String
    }

    /// Each row pairs a section of the first text with the same section of the second.
    var rows: [(first: String, second: String)]
    var aligned: Bool

    init(first: String, second: String) {
        let a = Self.sections(of: first), b = Self.sections(of: second)
        if a.compactMap(\.level) == b.compactMap(\.level) {
            // Same headings at the same levels; the text before the first heading may exist on one side only.
            let pairs = Self.padded(a, b)
            rows = pairs.filter { !$0.0.isEmpty || !$0.1.isEmpty }
            aligned = true
        } else {
            rows = [(first, second)]
            aligned = false
        }
    }

    private static func padded(_ a: [Section], _ b: [Section]) -> [(String, String)] {
        let aLead = a.first?.level == nil ? a.first?.html ?? "" : ""
        let bLead = b.first?.level == nil ? b.first?.html ?? "" : ""
        let aRest = a.drop { $0.level == nil }, bRest = b.drop { $0.level == nil }
        return [(aLead, bLead)] + zip(aRest, bRest).map { ($0.html, $1.html) }
    }

    /// The HTML cut before each `<h2` and `<h3` tag; blank sections are dropped. A scan over the
    /// UTF-8 bytes: it runs over two whole articles for every parallel page.
    static func sections(of html: String) -> [Section] {
        let bytes = Array(html.utf8)
        var sections: [Section] = []
        var start = 0
        var level: Int?
        func close(at end: Int) {
            let piece = String(decoding: bytes[start..<end], as: UTF8.self)
            if level != nil || !piece.allSatisfy(\.isWhitespace) { sections.append(Section(level: level, html: piece)) }
        }
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
               bytes[index + 2] == UInt8(ascii: "2") || bytes[index + 2] == UInt8(ascii: "3"),
               [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(bytes[index + 3]) {
                close(at: index)
                start = index
                level = bytes[index + 2] == UInt8(ascii: "2") ? 2 : 3
            }
            index += 1
        }
        close(at: bytes.count)
        return sections
    }

    /// Both versions live on one page: every id and in-page link of a version gets its language as
    /// a prefix, so two headings named alike or two footnote 1s stay distinct.
    static func namespaced(_ html: String, prefix: String) -> String {
        html.replacingBytes([(" id=\"", " id=\"\(prefix)-"), ("href=\"#", "href=\"#\(prefix)-")])
    }
}
