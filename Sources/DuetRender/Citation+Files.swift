import DuetModel

/// The citation files beside each article (`cite.ris`, `cite.bib`, `cite.json`): what a reference
/// manager imports, in the article's own language and script, made from the same `Citation` as
/// the cite block so the page and the files never disagree.
extension Citation {
    /// RIS (`TY  - JOUR` ... `ER  - `), lines ended CR LF as the format's definition asks.
    /// Names are `family, given`, which keeps a Chinese name family-first (`唐, 若溪`).
    var ris: String {
        var lines = ["TY  - JOUR", "TI  - \(Self.oneLine(title))"]
        lines += authors.map { "AU  - \(Self.oneLine($0.given.isEmpty ? $0.name : "\($0.family), \($0.given)"))" }
        lines.append("T2  - \(Self.oneLine(journal))")
        lines.append("PY  - \(year)")
        if let date { lines.append("DA  - \(date.isoDay.replacingBytes("-", with: "/"))/") }
        lines.append("VL  - \(volume)")
        lines.append("IS  - \(number)")
        lines += issns.map { "SN  - \($0)" }
        if let abstract, !abstract.isEmpty { lines.append("AB  - \(Self.oneLine(abstract))") }
        if let doi { lines.append("DO  - \(doi.value)") }
        lines.append("UR  - \(url)")
        lines.append("LA  - \(language)")
        lines.append("ER  - ")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// CSL-JSON (the Citation Style Language's input, read by Zotero, Pandoc and citeproc): one
    /// `article-journal` item in an array. A name is `family` and `given`; a single-word name
    /// is a `literal`, so no processor guesses its parts.
    var cslJSON: String {
        var item: [String: JSONText] = [
            "id": .string(key),
            "type": .string("article-journal"),
            "title": .string(title),
            "container-title": .string(journal),
            "volume": .string(String(volume)),
            "issue": .string(String(number)),
            "URL": .string(url),
            "language": .string(language),
            "author": .array(authors.map { person in
                person.given.isEmpty ? .object(["literal": .string(person.name)])
                    : .object(["family": .string(person.family), "given": .string(person.given)])
            }),
        ]
        let parts = date.map { [$0.year, $0.month, $0.day] } ?? [year]
        item["issued"] = .object(["date-parts": .array([.array(parts.map(JSONText.number))])])
        if let abstract, !abstract.isEmpty { item["abstract"] = .string(abstract) }
        if let doi { item["DOI"] = .string(doi.value) }
        if let licenseURL { item["license"] = .string(licenseURL) }
        if !issns.isEmpty { item["ISSN"] = .string(issns.joined(separator: ", ")) }
        return JSONText.array([.object(item)]).serialized + "\n"
    }

    /// A RIS field is one line: breaks inside a value would start a new tag.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
