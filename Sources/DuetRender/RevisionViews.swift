import DuetModel
import DuetTemplate

/// One correction as the top of an article shows it: "Corrected on 3 March 2025: ..." in the
/// page's language, the date in a `<time>`. The sentence is made in Swift from the theme's
/// `correction_notice` pattern, so the word order is the language's, not the template's.
struct CorrectionView: TemplateView, Sendable {
    var html: String
    var dateISO: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "html": return TemplateValue(html)
        case "date_iso": return TemplateValue(dateISO)
        default: return .none
        }
    }
}

/// The note on a translation whose original changed after it, with the link to the original.
struct RevisedOriginalView: TemplateView, Sendable {
    var html: String
    var url: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "html": return TemplateValue(html)
        case "url": return TemplateValue(url)
        default: return .none
        }
    }
}

/// The links to the article's citation files, for the cite block.
struct CitationFilesView: TemplateView, Sendable {
    var ris: String
    var bib: String
    var json: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "ris": return TemplateValue(ris)
        case "bib": return TemplateValue(bib)
        case "json": return TemplateValue(json)
        default: return .none
        }
    }
}

extension PageContextFactory {
    /// Corrections, the `updated:` line and, on a translation its original has outrun, the note
    /// that says so: all in the page's language, dates as the site formats them.
    func addRevisions(to view: inout DocumentView, article: Article) {
        let document = article.document
        let words = strings[document.language]
        func time(_ date: PublicationDate) -> String {
            "<time datetime=\"\(date.isoDay)\">\(escape(words.format(date)))</time>"
        }
        view.corrections = document.corrections.map { correction in
            let html = escape(words["correction_notice"])
                .replacing("{date}", with: time(correction.date))
                .replacing("{note}", with: escape(correction.note(in: document.language)))
            return CorrectionView(html: html, dateISO: correction.date.isoDay)
        }
        if let updated = document.updated {
            view.updatedHTML = escape(words["updated_notice"]).replacing("{date}", with: time(updated))
        }
        guard let original = graph.revisedOriginal(of: article),
              let changed = original.document.lastModified ?? original.document.date else { return }
        let code = original.document.language
        let language = graph.config.language(code)
        let url = links.url(original.route)
        let link = "<a href=\"\(escape(url))\" hreflang=\"\(escape(language?.tag ?? code))\">"
            + escape(words["translation_behind_link"].replacing("{language}", with: language?.name ?? code)) + "</a>"
        let html = escape(words["translation_behind"])
            .replacing("{date}", with: time(changed))
            .replacing("{link}", with: link)
        view.revisedOriginal = RevisedOriginalView(html: html, url: url)
    }
}
