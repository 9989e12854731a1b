import DuetBuild
import Foundation

/// A small bilingual journal that registers DOIs: prefix, Crossref head, ISSNs and a licence in
/// `site.yml`; authors with ORCID iDs; and an article whose title, names and abstract carry `&`,
/// `<` and Chinese text, so every XML output is tested for its escaping.
enum RegisteredJournal {
    static let siteYAML = SiteFixture.issuePermalinkSiteYAML + """

        base_url: https://journal.example.org
        first_year: 2024
        doi_prefix: "10.5555"
        crossref:
          depositor: Test Review Office & Co.
          email: doi@journal.example.org
          registrant: Harbor <Pacific> Institute
        issn:
          electronic: 2999-0017
          print: 0317-8471
        license: CC-BY-4.0
        """

    static let files: [String: String] = [
        "issues/2025-q1.yml": "title:\n  en: Ports & <Passages>\n  zh: 港口与航道\nvolume: 2\nnumber: 1\npublished: 2025-03-31\n",
        "authors/lin-yawei.yml": "name:\n  en: Lin Yawei\n  zh: 林雅薇\nfamily_name:\n  en: Lin\n  zh: 林\n"
            + "affiliation:\n  en: Jinling School of Diplomacy & Law\n  zh: 金陵外交与法律学院\nlinks:\n  orcid: 0000-0002-1825-0097\n",
        "authors/hollis-marchetti.yml": "name:\n  en: Hollis <Holly> Marchetti & Sons\n  zh: 霍莉丝·马尔凯蒂\n"
            + "family_name:\n  en: Marchetti & Sons\n  zh: 马尔凯蒂\n",
        "posts/en/2025-01-20-quiet-hotlines.md": """
            ---
            title: "Why Hotlines Go Quiet: <Silence> & Signals"
            date: 2025-01-20 10:00:00 +0800
            authors: [lin-yawei, hollis-marchetti]
            description: "When a channel is < useful & quiet, who calls first? 热线"
            tags: [hotlines, crisis communication]
            ---
            The body of the hotlines essay.

            """,
        "posts/zh/2025-01-20-quiet-hotlines.md": """
            ---
            title: 热线为何沉默：<信号> & 噪音
            date: 2025-01-20 10:00:00 +0800
            authors: [lin-yawei, hollis-marchetti]
            description: 渠道有用却沉默时，谁先拨号？<注> & 说明
            tags: [热线]
            ---
            热线一文的正文。

            """,
        "posts/en/2025-02-11-fisheries-workshop.md": """
            ---
            title: Notes from a Fisheries Workshop
            authors: [lin-yawei]
            license: CC0-1.0
            doi: 10.5555/legacy.fisheries
            ---
            Notes on fishing rights, written for the record.

            """,
    ]

    static func make() throws -> SiteFixture { try SiteFixture(files: files, siteYAML: siteYAML) }
}
