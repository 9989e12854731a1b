import DuetModel
#if canImport(Glibc)
import Glibc
#endif

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
        var html = html
        var sections: [Section] = []
        var start = 0
        var level: Int?
        // Every cut is at a `<`, a scalar boundary: the pieces are slices of the valid text,
        // copied without decoding them again.
        let utf8 = html.utf8
        func close(at end: Int) {
            let piece = String(html[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            // A blank lead-in is dropped; bytes decide at the first ASCII text, Characters only
            // for a piece of spaces and non-ASCII (a no-break space is whitespace too).
            let blank = piece.utf8.allSatisfy { Self.isSpace($0) || $0 >= 0x80 } && piece.allSatisfy(\.isWhitespace)
            if level != nil || !blank { sections.append(Section(level: level, html: piece)) }
        }
        // Each `<` found with `memchr`, the tag's first bytes checked there.
        let (opens, levels): ([Int], [Int]) = html.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return ([], []) }
            var found: [Int] = []
            var levels: [Int] = []
            var index = 0
            while index + 3 < buffer.count, let hit = memchr(base + index, Int32(UInt8(ascii: "<")), buffer.count - 3 - index) {
                let open = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[open + 1] == UInt8(ascii: "h"), buffer[open + 2] == UInt8(ascii: "2") || buffer[open + 2] == UInt8(ascii: "3"),
                   [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(buffer[open + 3]) {
                    found.append(open)
                    levels.append(buffer[open + 2] == UInt8(ascii: "2") ? 2 : 3)
                }
                index = open + 1
            }
            return (found, levels)
        }
        for (index, headingLevel) in zip(opens, levels) {
            close(at: index)
            start = index
            level = headingLevel
        }
        close(at: utf8.count)
        return sections
    }

    /// ASCII whitespace, as `Character.isWhitespace` has it.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// Both versions live on one page: every id and in-page link of a version gets its language as
    /// a prefix, so two headings named alike or two footnote 1s stay distinct.
    ///
    /// Both patterns (` id="` and `href="#`) hold an `=`, which is rare in HTML text, so the scan
    /// jumps from `=` to `=` with `memchr` and looks around each one; neither pattern can overlap
    /// itself or the other, so this finds exactly the matches a left-to-right replace would.
    static func namespaced(_ html: String, prefix: String) -> String {
        var html = html
        // Where a prefix goes: after each match's quote or `#`, always a scalar boundary.
        let cuts = html.withUTF8 { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var cuts: [Int] = []
            var index = 0
            while index < bytes.count, let found = memchr(base + index, Int32(UInt8(ascii: "=")), bytes.count - index) {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                // ` id="` (the `=` at offset 3) or `href="#` (at offset 4).
                if equals >= 3, bytes.hasBytes(Self.idPattern, at: equals - 3) {
                    index = equals + 2
                } else if equals >= 4, bytes.hasBytes(Self.fragmentPattern, at: equals - 4) {
                    index = equals + 3
                } else {
                    continue
                }
                cuts.append(index)
            }
            return cuts
        }
        guard !cuts.isEmpty else { return html }
        // The text between the cuts is appended as Substrings of a String already known to be
        // valid: rebuilding the bytes and decoding them validated every byte again.
        let inserted = prefix + "-"
        var output = ""
        output.reserveCapacity(html.utf8.count + cuts.count * inserted.utf8.count)
        let utf8 = html.utf8
        var from = utf8.startIndex
        var offset = 0
        for cut in cuts {
            let to = utf8.index(from, offsetBy: cut - offset)
            output += html[from..<to]
            output += inserted
            (from, offset) = (to, cut)
        }
        output += html[from...]
        return output
    }

    private static let idPattern = Array(" id=\"".utf8)
    private static let fragmentPattern = Array("href=\"#".utf8)
}
