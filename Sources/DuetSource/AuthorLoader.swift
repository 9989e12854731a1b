import DuetModel

/// `authors/<id>.yml` -> `Author`s. The id is the file name, so two files cannot share one unless
/// they differ only in extension (`.yml` and `.yaml`), which is an error naming both.
public enum AuthorLoader {
    /// - Parameter assetExists: whether a site path (`/images/x.svg`) is a file the site will have.
    public static func load(_ files: [SourceFile], assetExists: (String) -> Bool = { _ in true }) -> ([Author], [Diagnostic]) {
        var authors: [String: Author] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let id = file.stem
            if let existing = authors[id] {
                diagnostics.append(.error("author id '\(id)' is defined twice: by \(existing.sourcePath ?? "?") and by \(file.path)",
                                          at: SourceLocation(file: file.path, line: 1, column: 1)))
                continue
            }
            do {
                let yaml = try YAMLFile.parse(file.data, path: file.path)
                let fields = RecordFields(yaml: yaml, path: file.path)
                let names = try fields.perLanguage("name")
                guard !names.isEmpty else {
                    throw SourceError.invalidConfig(SourceLocation(file: file.path, line: 1, column: 1),
                                                    problem: "an author needs a 'name' (one per language: en: ..., zh: ...)")
                }
                if let photo = try fields.text("photo"), photo.hasPrefix("/"), !assetExists(photo) {
                    diagnostics.append(.warning("photo '\(photo)' does not exist (put it under content/static\(photo))",
                                                at: fields.location("photo") ?? SourceLocation(file: file.path)))
                }
                var website: String?
                var orcid: String?
                if let entry = yaml.entry("links"), case .map(let pairs) = entry.value {
                    website = pairs.first { $0.key == "website" }?.value.scalarText
                    if let written = pairs.first(where: { $0.key == "orcid" })?.value.scalarText {
                        // A bad checksum would make Crossref refuse the whole deposit: left out, and said.
                        orcid = ORCID.normalized(written)
                        if let problem = ORCID.problem(with: written) {
                            let locator = NestedKeyLocator(text: String(decoding: file.data, as: UTF8.self))
                            diagnostics.append(.warning(problem + "; it is left out", at: locator.location(of: "orcid", under: entry)))
                        }
                    }
                }
                authors[id] = Author(id: id, names: names, familyNames: try fields.perLanguage("family_name"),
                                     affiliations: try fields.perLanguage("affiliation"), biosHTML: try fields.markdown("bio"),
                                     photo: try fields.text("photo"), website: website, orcid: orcid, sourcePath: file.path)
            } catch let error as SourceError {
                diagnostics.append(error.diagnostic)
            } catch {
                diagnostics.append(.error(String(describing: error), at: SourceLocation(file: file.path)))
            }
        }
        return (authors.values.sorted { $0.id < $1.id }, diagnostics)
    }
}
