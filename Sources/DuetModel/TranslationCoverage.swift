/// `require_translations: true` in `site.yml`: every published post and page exists in every
/// configured language. A missing twin is a warning (an error with `--strict`) at the versions
/// that do exist, naming the languages to add, so CI catches an article published in one language only.
public enum TranslationCoverage {
    public static func warnings(for documents: [ParsedDocument], languages: [String]) -> [Diagnostic] {
        var byID: [TranslationSet.ID: [String: ParsedDocument]] = [:]
        for document in documents { byID[document.translationID, default: [:]][document.language] = document }
        var diagnostics: [Diagnostic] = []
        for (id, versions) in byID {
            let missing = languages.filter { versions[$0] == nil }
            guard !missing.isEmpty, let present = languages.compactMap({ versions[$0] }).first else { continue }
            let what = id.kind == .post ? "post" : "page"
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(.warning(
                "\(what) '\(id.key)' has no translation in \(names) (require_translations is on in site.yml)",
                at: present.frontMatter.entry("translation_key")?.location
                    ?? SourceLocation(file: present.sourcePath, line: 1, column: 1)))
        }
        return diagnostics.sortedByLocation()
    }
}
