import DuetModel

/// The skeleton's YAML files: `site.yml` with every key explained, the first issue and the author.
extension SiteSkeleton {
    private func perLanguage(_ key: String, _ value: (String) -> String) -> String {
        "\(key):\n" + codes.map { "  \($0): \(YAMLText.quoted(value($0)))\n" }.joined()
    }

    var siteConfig: String {
        var text = """
        # The publication's settings. Every key below is optional except `languages`; `duet new site`
        # filled in these values, and the comments say what each one changes.

        # The publication's name, per language (`"*": Name` gives every language the same one).

        """
        text += perLanguage("title") { _ in title }
        text += """
        # One sentence per language, shown by search engines and link previews of the generated pages.

        """
        text += perLanguage("description") { SkeletonText.siteDescription(in: $0) }
        text += """
        # Where the site will be published: feeds, the sitemap and canonical links start with it. The
        # GitHub workflow replaces it with the GitHub Pages address (duet build --base-url).
        base_url: https://example.org
        # The languages, the first one the default. code: the folder under posts/ and pages/ and the
        # first part of every URL; tag: the BCP 47 tag written in lang= and hreflang=; name: what the
        # language menu shows; locale: how dates are written.
        languages:

        """
        for language in languages {
            text += "  - code: \(language.code)\n    tag: \(language.tag)\n"
            text += "    name: \(language.name)\n    locale: \(language.locale)\n"
        }
        text += """
        # The language a visitor of / is sent to (default: the first of `languages`).
        default_language: \(codes[0])
        # Article URLs, from :lang, :issue (e.g. \(issueKey)), :year, :month, :day and :slug.
        permalink: /:lang/issues/:issue/:slug/
        # URLs of the pages under pages/<language>/ (About, Submissions ...).
        page_permalink: /:lang/:slug/
        # What ends an article's excerpt when its front matter sets no excerpt_separator: here the
        # first paragraph.
        excerpt_separator: "\\n\\n"
        # The time zone of dates written without an offset and of `duet new post` (an IANA name).
        timezone: \(timeZone)
        # The year of volume 1: an issue file without volume and number gets volume = year - first_year + 1.
        first_year: \(date.year)
        # Sections in table-of-contents order. The theme translates their names through its i18n files
        # (section_essays, section_dialogue_reports, section_reviews); a new section needs a new string there.
        sections: [Essays, Dialogue Reports, Reviews]
        # true: every article and page must exist in every language (otherwise a warning names the gaps).
        require_translations: false
        # A theme folder, relative to the folder that holds content/. Without it duet uses the theme built
        # into it; `duet theme export themes/mine` writes that theme out for you to change. Single theme
        # files can also be replaced by a file at the same path under content/theme/.
        #theme: themes/mine

        """
        return text
    }

    var issueFile: String {
        var text = """
        # One file per quarterly issue, named after its quarter. Articles dated in that quarter belong
        # to it unless their front matter names another issue (issue: 2026-q1).
        # volume and number are optional: volume counts years from first_year, number is the quarter.
        #volume: 1
        #number: 1

        """
        text += perLanguage("title") { SkeletonText.issueTitle(in: $0) }
        text += "cover: /images/issues/\(issueKey).svg\n"
        text += "published: \(date.isoDay)\n"
        text += "# The editors' note, in Markdown, shown on the issue's page.\nnote:\n"
        for code in codes {
            text += "  \(code): |\n" + SkeletonText.issueNote(in: code).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
        }
        return text
    }

    var authorFile: String {
        var text = "# One file per author; an article's `author:` names them as `name:` does here.\n"
        text += perLanguage("name") { SkeletonText.authorName(in: $0) }
        text += "# For citations and sorting.\n"
        text += perLanguage("family_name") { SkeletonText.authorFamilyName(in: $0) }
        text += perLanguage("affiliation") { SkeletonText.authorAffiliation(in: $0) }
        text += "bio:\n" + codes.map { "  \($0): |\n    \(SkeletonText.authorBio(in: $0))\n" }.joined()
        text += """
        # A square picture under content/static/, and links shown on the author's page.
        #photo: /images/authors/\(SkeletonText.authorSlug).jpg
        #links:
        #  website: https://example.org
        #  orcid: 0000-0000-0000-0000

        """
        return text
    }
}
