import DuetModel

/// `license:` in `site.yml` or front matter: an SPDX id (`license: CC-BY-4.0`), or a map that
/// also gives the URL and a name per language (`{id: LicenseRef-duet, url: ..., name: {en, zh}}`).
/// A mistake is a warning (an error with `--strict`) and the licence is left out rather than
/// stated wrongly.
enum LicenseField {
    static func read(_ value: FrontMatterValue, at location: SourceLocation) -> (License?, [Diagnostic]) {
        var id: String?
        var url: String?
        var names: [String: String] = [:]
        switch value {
        case .null: return (nil, [])
        case .map(let pairs):
            for pair in pairs {
                switch (pair.key, pair.value) {
                case ("id", let value): id = value.scalarText
                case ("url", let value): url = value.scalarText
                case ("name", .map(let perLanguage)):
                    for entry in perLanguage { names[entry.key] = entry.value.scalarText }
                case ("name", let value): names["en"] = value.scalarText
                default:
                    return (nil, [.warning("unknown key '\(pair.key)' under 'license': use id, url and name", at: location)])
                }
            }
        case let value: id = value.scalarText
        }
        guard let id, !id.isEmpty else {
            return (nil, [.warning("'license' needs an SPDX id, as in license: CC-BY-4.0", at: location)])
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            return (nil, [.warning("licence url '\(url)' must be an absolute http(s) URL", at: location)])
        }
        if var known = License.known(id) {
            if let url { known.url = url }
            known.names.merge(names) { _, written in written }
            return (known, [])
        }
        if !License.isRecognized(id) {
            let ids = License.catalog.map(\.id).joined(separator: ", ")
            let warning = Diagnostic.warning("unknown SPDX licence id '\(id)' (known: \(ids); "
                + "a licence of your own is LicenseRef-<name> with a url)", at: location)
            return (url.map { License(id: id, url: $0, names: names) }, [warning])
        }
        guard let url else {
            return (nil, [.warning("licence '\(id)' is not in the SPDX list: give its url", at: location)])
        }
        return (License(id: id, url: url, names: names), [])
    }
}

/// `doi:` in front matter: a whole DOI that replaces the one the site's pattern would make.
enum DOIField {
    static func read(_ entry: FrontMatter.Entry?) -> (DOI?, [Diagnostic]) {
        guard let entry, entry.value != .null else { return (nil, []) }
        guard let text = entry.value.scalarText else {
            return (nil, [.warning("'doi' must be text, found \(entry.value.kindName)", at: entry.location)])
        }
        if let doi = DOI(text) { return (doi, []) }
        return (nil, [.warning((DOI.problem(with: text) ?? "'\(text)' is not a DOI") + "; the article gets no DOI until it is mended",
                               at: entry.location)])
    }
}
