/// The licence an article is published under: an SPDX id (`CC-BY-4.0`), the licence's URL and
/// its name per language. Shown to readers in the footer and to machines in `<link rel="license">`,
/// JSON-LD, Dublin Core, Atom, EPUB and the Crossref deposit.
public struct License: Hashable, Sendable {
    public var id: String
    public var url: String
    /// Name per language code; `name(in:)` falls back to the id.
    public var names: [String: String]

    public init(id: String, url: String, names: [String: String] = [:]) {
        self.id = id
        self.url = url
        self.names = names
    }

    public func name(in language: String) -> String {
        names[language] ?? names["en"] ?? names.values.sorted().first ?? id
    }

    /// Whether `id` is in the table below or a licence the site defines itself (`LicenseRef-...`,
    /// SPDX's form for ids outside its list).
    public static func isRecognized(_ id: String) -> Bool {
        known(id) != nil || id.hasPrefix("LicenseRef-")
    }

    /// The licence with this SPDX id from the table, matched without regard to case.
    public static func known(_ id: String) -> License? {
        catalog.first { $0.id.lowercased() == id.lowercased() }
    }

    /// The licences journals publish under: the Creative Commons 4.0 family, CC0, and a few
    /// older or data licences. Names in Chinese are Creative Commons' own translations.
    public static let catalog: [License] = [
        cc("BY", "by", en: "Attribution", zh: "署名"),
        cc("BY-SA", "by-sa", en: "Attribution-ShareAlike", zh: "署名-相同方式共享"),
        cc("BY-NC", "by-nc", en: "Attribution-NonCommercial", zh: "署名-非商业性使用"),
        cc("BY-NC-SA", "by-nc-sa", en: "Attribution-NonCommercial-ShareAlike", zh: "署名-非商业性使用-相同方式共享"),
        cc("BY-ND", "by-nd", en: "Attribution-NoDerivatives", zh: "署名-禁止演绎"),
        cc("BY-NC-ND", "by-nc-nd", en: "Attribution-NonCommercial-NoDerivatives", zh: "署名-非商业性使用-禁止演绎"),
        License(id: "CC0-1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/",
                names: ["en": "CC0 1.0 Universal Public Domain Dedication", "zh": "CC0 1.0 通用公共领域贡献宣告"]),
        License(id: "CC-BY-3.0", url: "https://creativecommons.org/licenses/by/3.0/",
                names: ["en": "Creative Commons Attribution 3.0 Unported", "zh": "知识共享署名 3.0 未本地化版本许可协议"]),
        License(id: "CC-BY-SA-3.0", url: "https://creativecommons.org/licenses/by-sa/3.0/",
                names: ["en": "Creative Commons Attribution-ShareAlike 3.0 Unported",
                        "zh": "知识共享署名-相同方式共享 3.0 未本地化版本许可协议"]),
        License(id: "ODC-By-1.0", url: "https://opendatacommons.org/licenses/by/1-0/",
                names: ["en": "Open Data Commons Attribution License v1.0", "zh": "开放数据共享署名许可协议 1.0"]),
        License(id: "MIT", url: "https://opensource.org/license/mit",
                names: ["en": "MIT License", "zh": "MIT 许可证"]),
        License(id: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0",
                names: ["en": "Apache License 2.0", "zh": "Apache 许可证 2.0"]),
    ]

    private static func cc(_ code: String, _ path: String, en: String, zh: String) -> License {
        License(id: "CC-\(code)-4.0", url: "https://creativecommons.org/licenses/\(path)/4.0/",
                names: ["en": "Creative Commons \(en) 4.0 International", "zh": "知识共享\(zh) 4.0 国际许可协议"])
    }
}
