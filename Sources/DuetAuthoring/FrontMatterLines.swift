import Foundation

/// A document's front matter as its lines, for the few edits the importer makes; every other
/// byte of the file (the whole body) is kept as it was.
struct FrontMatterLines {
    private var header: [String]
    private let body: Data
    private let hasFrontMatter: Bool

    init(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true,
              let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else {
            header = []
            body = data
            hasFrontMatter = false
            return
        }
        header = lines[1..<end].map(String.init)
        lines = Array(lines[end...])
        body = Data(lines.joined(separator: "\n").utf8)
        hasFrontMatter = true
    }

    /// A top-level scalar as written, quotes removed.
    func value(_ key: String) -> String? {
        guard let line = header.first(where: { $0.hasPrefix(key + ":") }) else { return nil }
        var value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first { value = String(value.dropFirst().dropLast()) }
        return value.isEmpty ? nil : value
    }

    mutating func remove(_ key: String) {
        header.removeAll { $0.hasPrefix(key + ":") }
    }

    mutating func set(_ key: String, _ value: String) {
        guard let index = header.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return }
        header[index] = "\(key): \(value)"
    }

    var data: Data {
        guard hasFrontMatter else { return body }
        return Data(("---\n" + header.map { $0 + "\n" }.joined()).utf8) + body
    }
}
