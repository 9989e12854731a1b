import DuetModel
import DuetSource

/// `_data/authors.yml` (the jekyll-seo-tag convention) and `_authors/*.md` (an authors
/// collection) -> `authors/<id>.yml`.
enum JekyllAuthors {
    struct Result {
        var files: [(id: String, yaml: String)] = []
        var carried: [String] = []
        var needsAPerson: [String] = []
    }

    static func convert(_ site: JekyllSite, assetExists: (String) -> Bool) throws(AuthoringError) -> Result {
        var result = Result()
        var records: [(id: String, fields: [(key: String, value: FrontMatterValue)], bio: String?)] = []
        if let data = site.authorsData {
            let yaml: FrontMatter
            do {
                yaml = try YAMLFile.parse(data.data, path: "\(site.display)/\(data.path)")
            } catch {
                throw .invalid(error.diagnostic)
            }
            for entry in yaml.entries {
                guard case .map(let fields) = entry.value else {
                    result.needsAPerson.append("\(site.display)/\(data.path):\(entry.location.line): author '\(entry.key)' is not a mapping; not carried")
                    continue
                }
                records.append((entry.key, fields, nil))
            }
        }
        for document in site.authorDocuments {
            let text = String(decoding: document.data, as: UTF8.self)
            let parts = text.components(separatedBy: "\n---")
            guard text.hasPrefix("---"), parts.count >= 2 else { continue }
            let yaml: FrontMatter
            do {
                yaml = try YAMLFile.parse(Data(parts[0].dropFirst(3).utf8), path: "\(site.display)/\(document.path)")
            } catch {
                throw .invalid(error.diagnostic)
            }
            let bio = parts.dropFirst().joined(separator: "\n---").drop { $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = yaml["short_name"]?.scalarText ?? ParsedDocument.fileStem(of: document.path)
            records.append((id, yaml.entries.map { ($0.key, $0.value) }, bio.isEmpty ? nil : bio))
        }
        for record in records {
            func field(_ names: String...) -> String? {
                names.lazy.compactMap { name in record.fields.first { $0.key == name }?.value.scalarText }.first
            }
            let id = Slug.make(from: record.id)
            guard let name = field("name", "display_name", "title") else {
                result.needsAPerson.append("author '\(record.id)' has no name; not carried")
                continue
            }
            var yaml = "name: \(YAMLText.quoted(name))\n"
            if let bio = record.bio ?? field("bio", "description", "about") { yaml += "bio: \(YAMLText.quoted(bio))\n" }
            if let photo = field("avatar", "picture", "image", "photo") {
                if photo.hasPrefix("/"), assetExists(photo) { yaml += "photo: \(YAMLText.quoted(photo))\n" }
                else { result.needsAPerson.append("author '\(record.id)': photo '\(photo)' is not a file of the site; not carried") }
            }
            if let website = field("url", "website", "web", "homepage") { yaml += "links:\n  website: \(YAMLText.quoted(website))\n" }
            result.files.append((id, yaml))
        }
        if !result.files.isEmpty { result.carried.append("\(result.files.count) authors into authors/") }
        return result
    }
}

import Foundation
