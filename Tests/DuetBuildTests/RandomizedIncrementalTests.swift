import DuetBuild
import Foundation
import XCTest

/// Long random sequences of the edits authors and editors make, each followed by an incremental
/// build compared byte for byte with a fresh full build. Seeded and reproducible: a failure names
/// its seed and step; `DUET_RANDOM_SEED=N DUET_RANDOM_STEPS=M swift test --filter Randomized`
/// replays it (CI runs a short sequence; `docs/PERFORMANCE.md` gives the long run).
final class RandomizedIncrementalTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("content") }
    private var theme: URL { root.appendingPathComponent("theme") }
    /// Every file touched since the session's last build, as the preview's watcher reports them.
    private var touched: Set<String> = []
    /// Preview builds that applied a save to the last build's model instead of building anew.
    private var patched = 0

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duet-random-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.defaultTheme, to: theme)
        for (path, text) in RandomSite.files {
            try write(path, text)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testRandomEditSequencesGiveTheBytesOfAFullBuild() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64] = environment["DUET_RANDOM_SEED"].flatMap { UInt64($0) }.map { [$0] } ?? [1, 2]
        let steps = environment["DUET_RANDOM_STEPS"].flatMap(Int.init) ?? 25
        for (index, seed) in seeds.enumerated() {
            if index > 0 {
                try tearDownWithError()
                try setUpWithError()
            }
            try run(seed: seed, steps: steps)
        }
        // The preview's shortcut for saved bodies and stylesheets must be among what was compared.
        XCTAssertGreaterThan(patched, 0, "no preview build applied an edit to its last model")
    }

    private func run(seed: UInt64, steps: Int) throws {
        var random = SplitMix64(seed: seed)
        // Both ways an incremental build runs: `duet build` (cache file, staged folder) and
        // `duet serve` (a session in memory, files replaced in place).
        let session = BuildSession()
        for step in 0..<steps {
            let edit = RandomSite.Edit.allCases[Int(random.next() % UInt64(RandomSite.Edit.allCases.count))]
            let description = try apply(edit, &random)
            let serving = random.next() % 2 == 0
            try compare("seed \(seed), step \(step): \(description) (\(serving ? "serve" : "build"))", serving ? session : nil,
                        superseded: serving && random.next() % 3 == 0)
            // What editors do most in the preview: save the text again, or the stylesheet.
            if serving, random.next() % 2 == 0 {
                let saves: [RandomSite.Edit] = [.body, .bodies, .stylesheet]
                let save = try apply(saves[Int(random.next() % UInt64(saves.count))], &random)
                try compare("seed \(seed), step \(step), then: \(save) (serve)", session)
            }
        }
    }

    /// - Parameter superseded: as if a newer save were waiting, so the preview leaves its late
    ///   outputs (EPUBs, search indexes, feeds, sitemap, status page, deposits, citation files) to a later build; those are
    ///   then not compared, but every later build must give them right.
    private func compare(_ step: String, _ session: BuildSession?, superseded: Bool = false) throws {
        var options = BuildOptions(source: content.path, theme: theme.path, output: root.appendingPathComponent(session == nil ? "_site" : "_served").path,
                                   includeDrafts: session != nil, now: Date(timeIntervalSince1970: 1_767_225_600),
                                   cacheDirectory: root.appendingPathComponent(".duet-cache").path)
        options.session = session
        options.updatesInPlace = session != nil
        if session != nil {
            // As `duet serve` builds: plain asset names, so a stylesheet save is a copy.
            options.fingerprintAssets = false
            options.onPagesWritten = { _ in }
            options.isSuperseded = { superseded }
            options.changes = touched
            touched = []
        }
        let report = Builder(options: options).build()
        if report.phases.contains(where: { $0.name == "edit" }) { patched += 1 }
        var full = options
        full.output = root.appendingPathComponent("_full").path
        full.cacheDirectory = nil
        full.session = nil
        full.updatesInPlace = false
        try? FileManager.default.removeItem(at: root.appendingPathComponent("_full"))
        let fresh = Builder(options: full).build()
        XCTAssertEqual(report.succeeded, fresh.succeeded, "\(step): \(report.diagnostics) vs \(fresh.diagnostics)")
        XCTAssertEqual(report.diagnostics.map(\.description), fresh.diagnostics.map(\.description), step)
        guard report.succeeded, fresh.succeeded else { return }
        let incremental = snapshot(options.output), expected = snapshot(full.output)
        let late = [".epub", "search.json", "feed.xml", "sitemap.xml", "status/index.html", "cite.ris", "cite.bib", "cite.json"]
        func compared(_ path: String) -> Bool {
            !(superseded && (late.contains { path.hasSuffix($0) } || path.hasPrefix("/crossref/")))
        }
        XCTAssertEqual(incremental.keys.filter(compared).sorted(), expected.keys.filter(compared).sorted(), "\(step): different files")
        for (path, data) in expected where incremental[path] != data && compared(path) {
            XCTFail("\(step): \(path) differs from a full build")
        }
    }

    // MARK: Edits

    private func apply(_ edit: RandomSite.Edit, _ random: inout SplitMix64) throws -> String {
        let posts = try files(under: "posts")
        func pick(_ items: [String]) -> String? { items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))] }
        let word = RandomSite.words[Int(random.next() % UInt64(RandomSite.words.count))]
        switch edit {
        case .body:
            guard let post = pick(posts) else { return "no post to edit" }
            try change(post) { $0 + "\n\(word.capitalized) is added to the body.\n" }
            return "body of \(post)"
        case .title:
            guard let post = pick(posts) else { return "no post" }
            try setKey("title", to: "\(word.capitalized) Matters", in: post)
            return "title of \(post)"
        case .date:
            guard let post = pick(posts) else { return "no post" }
            let day = 1 + random.next() % 27, month = 1 + random.next() % 6
            try setKey("date", to: String(format: "2025-%02d-%02d 09:00:00 +0800", month, day), in: post)
            return "date of \(post)"
        case .byline:
            guard let post = pick(posts) else { return "no post" }
            let names = RandomSite.authorNames.shuffled(using: &random).prefix(1 + Int(random.next() % 3))
            try setKey("author", to: names.joined(separator: ", "), in: post)
            return "byline of \(post)"
        case .issue:
            guard let post = pick(posts) else { return "no post" }
            try setKey("issue", to: pick(["2025-q1", "2025-q2"]) ?? "2025-q1", in: post)
            return "issue of \(post)"
        case .language:
            guard let post = pick(posts) else { return "no post" }
            try setKey("lang", to: pick(["en", "zh"]) ?? "en", in: post)
            return "lang of \(post)"
        case .translationKey:
            guard let post = pick(posts) else { return "no post" }
            try setKey("translation_key", to: pick(["harbour", "tides", "letters", word]) ?? word, in: post)
            return "translation_key of \(post)"
        case .addPost:
            let language = pick(["en", "zh"]) ?? "en"
            let day = 1 + random.next() % 27
            let path = "posts/\(language)/2025-0\(1 + random.next() % 6)-\(String(format: "%02d", day))-\(word).md"
            try write(path, RandomSite.post(title: word.capitalized, author: pick(RandomSite.authorNames) ?? "Ada Quill", body: "A new piece on \(word)."))
            return "new post \(path)"
        case .removePost:
            guard posts.count > 2, let post = pick(posts) else { return "too few posts to remove one" }
            try FileManager.default.removeItem(at: touch(content.appendingPathComponent(post)))
            return "removed \(post)"
        case .rename:
            guard let post = pick(posts) else { return "no post" }
            let renamed = (post as NSString).deletingLastPathComponent + "/2025-02-0\(1 + random.next() % 9)-\(word).md"
            guard !FileManager.default.fileExists(atPath: content.appendingPathComponent(renamed).path) else { return "rename target exists" }
            try FileManager.default.moveItem(at: touch(content.appendingPathComponent(post)), to: touch(content.appendingPathComponent(renamed)))
            return "renamed \(post) to \(renamed)"
        case .revision:
            guard let post = pick(posts) else { return "no post" }
            let day = 1 + random.next() % 27, month = 6 + random.next() % 6
            if random.next() % 2 == 0 {
                try setKey("updated", to: String(format: "2025-%02d-%02d", month, day), in: post)
                return "updated: of \(post)"
            }
            let date = String(format: "2025-%02d-%02d", month, day)
            try setKey("corrections", to: "[{date: \(date), note: {en: \"\(word.capitalized) fixed.\", zh: \"已更正。\"}}]", in: post)
            return "corrections of \(post)"
        case .draft:
            guard let post = pick(posts) else { return "no post" }
            try setKey("draft", to: random.next() % 2 == 0 ? "true" : "false", in: post)
            return "draft flag of \(post)"
        case .author:
            let file = pick(try files(under: "authors")) ?? "authors/ada-quill.yml"
            try change(file) { $0.replacingOccurrences(of: "affiliation:\n  en: ", with: "affiliation:\n  en: \(word.capitalized) ") }
            return "affiliation in \(file)"
        case .issueFile:
            try change("issues/2025-q\(1 + random.next() % 2).yml") { $0.replacingOccurrences(of: "  en: ", with: "  en: \(word.capitalized) ") }
            return "issue title"
        case .strings:
            try change("i18n/en.yml", in: theme) { $0.replacingOccurrences(of: "\nissues: ", with: "\nissues: \(word.capitalized) ") }
            return "interface string"
        case .template:
            let layout = pick(["post", "home", "issue", "author"]) ?? "post"
            try change("layouts/\(layout).mustache", in: theme) { $0 + "\n<!-- \(word) -->" }
            return "layout \(layout)"
        case .staticFile:
            let path = "static/images/\(word).svg"
            if FileManager.default.fileExists(atPath: content.appendingPathComponent(path).path) {
                try FileManager.default.removeItem(at: touch(content.appendingPathComponent(path)))
                return "removed \(path)"
            }
            try write(path, "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(word)</title></svg>")
            return "added \(path)"
        case .stylesheet:
            try change("static/css/duet.css", in: theme) { $0 + "\n.\(word) { color: inherit; }" }
            return "stylesheet"
        case .bodies:
            let chosen = Array(posts.shuffled(using: &random).prefix(2))
            for post in chosen { try change(post) { $0 + "\n\(word.capitalized) closes the piece.\n" } }
            return "bodies of \(chosen.joined(separator: " and "))"
        case .siteSettings:
            try change("site.yml") { $0.replacingOccurrences(of: "  en: Random Review", with: "  en: Random \(word.capitalized) Review") }
            return "site title"
        }
    }

    private func setKey(_ key: String, to value: String, in path: String) throws {
        try change(path) { text in
            var lines = text.components(separatedBy: "\n")
            guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
            if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[index] = "\(key): \(value)"
            } else {
                lines.insert("\(key): \(value)", at: end)
            }
            return lines.joined(separator: "\n")
        }
    }

    private func change(_ path: String, in folder: URL? = nil, _ edit: (String) -> String) throws {
        let url = touch((folder ?? content).appendingPathComponent(path))
        let text = try String(contentsOf: url, encoding: .utf8)
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = touch(content.appendingPathComponent(path))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func touch(_ url: URL) -> URL {
        touched.insert(url.standardizedFileURL.path)
        return url
    }

    private func files(under folder: String) throws -> [String] {
        let base = content.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    private func snapshot(_ folder: String) -> [String: Data] { SiteFixture.snapshot(of: URL(fileURLWithPath: folder)) }
}

/// A small bilingual site for the randomized test: two issues, three authors, translated posts.
enum RandomSite {
    enum Edit: CaseIterable {
        case body, title, date, byline, issue, language, translationKey, addPost, removePost, rename, draft, revision
        case author, issueFile, strings, template, staticFile, siteSettings, stylesheet, bodies
    }

    static let words = ["harbour", "ledger", "monsoon", "lantern", "archive", "compass", "delta", "orchard", "beacon", "relay"]
    static let authorNames = ["Ada Quill", "Bram Osei", "Lin Qiaoyu"]

    static func post(title: String, author: String, body: String, extra: String = "") -> String {
        "---\ntitle: \(title)\nauthor: \(author)\nsection: Essays\n\(extra)---\n\n\(body)\n\nA second paragraph that listings leave out.\n"
    }

    static let files: [String: String] = [
        "site.yml": """
            title:
              en: Random Review
              zh: 随机评论
            base_url: https://random.example.org
            languages:
              - code: en
                tag: en
                name: English
              - code: zh
                tag: zh-Hans
                name: 中文
            default_language: en
            permalink: /:lang/issues/:issue/:slug/
            timezone: Asia/Shanghai
            first_year: 2024
            sections: [Essays, Reviews]
            doi_prefix: "10.5555"
            crossref: {depositor: Random Office, email: doi@random.example.org, registrant: Random Press}
            license: CC-BY-4.0
            """,
        "issues/2025-q1.yml": "volume: 2\nnumber: 1\ntitle:\n  en: Open Lines\n  zh: 热线\npublished: 2025-03-31\n",
        "issues/2025-q2.yml": "volume: 2\nnumber: 2\ntitle:\n  en: Long Tables\n  zh: 长桌\npublished: 2025-06-30\n",
        "authors/ada-quill.yml": "name:\n  en: Ada Quill\n  zh: 艾达·奎尔\naffiliation:\n  en: Harbour Institute\n  zh: 港湾研究所\n",
        "authors/bram-osei.yml": "name:\n  en: Bram Osei\n  zh: 布拉姆·奥塞\naffiliation:\n  en: Delta College\n  zh: 三角洲学院\n",
        "authors/lin-qiaoyu.yml": "name:\n  en: Lin Qiaoyu\n  zh: 林乔雨\naffiliation:\n  en: Lantern University\n  zh: 灯笼大学\n",
        "posts/en/2025-01-15-harbour.md": post(title: "Harbour Talks", author: "Ada Quill, Bram Osei", body: "Two ports, one agenda."),
        "posts/zh/2025-01-15-harbour.md": post(title: "港口对话", author: "艾达·奎尔", body: "两个港口，一份议程。"),
        "posts/en/2025-02-10-tides.md": post(title: "Spring Tides", author: "Lin Qiaoyu", body: "The tide gauges were late."),
        "posts/zh/2025-02-10-tides.md": post(title: "春潮", author: "林乔雨", body: "潮位计慢了一天。"),
        "posts/en/2025-04-20-letters.md": post(title: "Letters", author: "Bram Osei", body: "Replies to our readers."),
        "posts/en/2025-05-05-relay.md": post(title: "Relay", author: "Ada Quill", body: "A note on relays.", extra: "draft: true\n"),
    ]
}

/// A small, fast, seeded generator, so every run of a seed makes the same edits.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
