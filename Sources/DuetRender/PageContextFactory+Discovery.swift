import DuetModel

/// The contexts of the search page, the parallel reading view and the per-language 404 pages.
extension PageContextFactory {
    func searchContext(language: String, script: String) -> PageContext {
        let route = graph.searchRoute(for: language)
        var context = context(forGenerated: route, language: language, routes: { graph.searchRoute(for: $0) })
        context.documentTitle = "\(context.strings["search"]) · \(context.siteTitle)"
        context.search = SearchPageView(url: links.url(route), script: links.basePath + "/" + script,
                                        index: links.url(graph.searchIndexRoute(for: language)))
        return context
    }

    func notFoundContext(language: String) -> PageContext {
        var context = context(forGenerated: graph.notFoundRoute(for: language), language: language, clustered: false)
        context.documentTitle = context.strings["not_found_title"] + " · " + context.siteTitle
        return context
    }

    /// `article` on the left (the page's language), `partner` beside it; the switcher and the
    /// hreflang cluster lead to the other parallel pages (`twins`), which show the same pair.
    func parallelContext(for article: Article, partner: Article, route: Route, twins: [String: Route]) -> PageContext {
        let document = article.document
        var context = context(for: document, route: route, view: view(of: article))
        context.languages = context.languages.map {
            var link = $0
            if let twin = twins[$0.code] {
                link.url = links.url(twin)
                link.missingNote = nil
            }
            return link
        }
        context.alternates = alternates(twins)
        context.documentTitle = "\(document.title) · \(context.strings["parallel_view"]) · \(context.siteTitle)"
        func column(_ article: Article) -> ParallelView.Column {
            let language = graph.config.language(article.document.language) ?? Language(code: article.document.language)
            return ParallelView.Column(title: article.document.title, url: links.url(article.route), tag: language.tag,
                                       languageName: language.name, authors: view(of: article).authors)
        }
        let first = column(article), second = column(partner)
        let text = ParallelText(
            first: ParallelText.namespaced(links.rebased(document.bodyHTML), prefix: document.language),
            second: ParallelText.namespaced(links.rebased(partner.document.bodyHTML), prefix: partner.document.language))
        context.parallel = ParallelView(
            first: first, second: second,
            rows: text.rows.map { ParallelView.Row(first: $0.first, second: $0.second, firstTag: first.tag, secondTag: second.tag) },
            aligned: text.aligned)
        return context
    }

    /// The article page links its parallel view when the article has a version to read beside it.
    func addParallelLink(to view: inout DocumentView, article: Article) {
        guard let route = graph.parallelRoute(of: article),
              let partner = graph.parallelPartnerLanguage(of: article.document) else { return }
        let name = graph.config.language(partner)?.name ?? partner
        view.parallelURL = links.url(route)
        view.parallelLabel = strings[article.document.language]["parallel_link"].replacingBytes("{language}", with: name)
    }
}

extension PageContext {
    /// The picture link previews show: the article's own image, else its issue's cover (on an issue
    /// page, the cover; on a home page, the current issue's), made absolute under the base URL.
    var socialImage: String? {
        guard let path = document?.image ?? document?.issue?.cover ?? issue?.link.cover ?? currentIssue?.link.cover else {
            return nil
        }
        return path.hasPrefix("/") && !path.hasPrefix("//") ? origin + path : path
    }
}
