/// One thing an output's render read from the site model. Recorded while the output is made
/// (Hugo's identity tracking), never declared: an incremental build renders the output again
/// exactly when one of these reads would now give a different answer.
public enum Dependency: Hashable, Sendable {
    /// A document's body: its HTML and the headings found in it.
    case body(String)
    /// Everything else a document holds (title, date, front matter, excerpt, summary, reading time).
    case meta(String)
    /// One author, as the registry (or a byline) gives it.
    case author(String)
    /// One issue, as its file gives it.
    case issue(String)
    /// A question asked of the site graph: which articles, in which order, with which routes.
    case query(GraphQuery)
    /// The interface strings of one language.
    case strings(String)
    /// A layout, with the partials it includes.
    case layout(String)
    /// An output that is made afresh on every build (the editors' status page reads the clock and git).
    case volatile
}

/// The graph's answers that outputs depend on. Each one is re-asked of the new graph to see
/// whether an output is still current, so its digest covers the identities it returns (paths,
/// routes, order, issue, byline), while what those documents say is tracked by `.body`/`.meta`.
public enum GraphQuery: Hashable, Sendable {
    case articles
    /// One article's place: its route, issue, byline and preview state.
    case article(String)
    case articlesIn(String)
    case articlesBy(String)
    case pages
    case issues
    case authors
    case currentIssue
    case tableOfContents(issue: String, language: String)
    case translations(TranslationSet.ID)
    case issueOf(String)
}
