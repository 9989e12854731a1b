import DuetModel

/// The outcome of one build: every diagnostic, what was written, and how long it took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages per language code, in the order the languages are declared.
    public var pagesPerLanguage: [(language: String, count: Int)]
    /// Pages that belong to no language (the language chooser, the 404 page).
    public var sharedPages: Int
    public var seconds: Double
    /// Set when writing failed (the previous output is untouched).
    public var writeFailure: BuildError?
    /// Pages rendered by an incremental build (the others were unchanged); nil for a full build.
    public var renderedPages: Int?
    /// Each phase that ran, in order, with its duration (`--verbose`).
    public var phases: [PhaseTiming] = []
    /// What the phases handled: source documents, static files, articles, output files (`--verbose`).
    public var counts: [(label: String, count: Int)] = []
    /// The site's stylesheets, as the manifest has them (output paths): the preview swaps them
    /// in place after a stylesheet save.
    public var stylesheets: [String] = []
    /// Every output path of the manifest: the site as the build made it. The preview serves these
    /// and nothing else, so a file left in the output folder by hand is no page of the site.
    public var outputs: Set<String> = []

    public var succeeded: Bool { !diagnostics.hasErrors && writeFailure == nil }

    public var pageCount: Int { pagesPerLanguage.reduce(sharedPages) { $0 + $1.count } }

    /// `Built 30 pages (en 14, zh 14, 2 shared) in 0.31 s`, or why nothing was built.
    public var summary: String {
        let time = String(format: "%.2f", seconds)
        guard succeeded else {
            let errors = diagnostics.filter { $0.severity == .error }.count + (writeFailure == nil ? 0 : 1)
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            return "Build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(time) s; the previous output was left as it was"
        }
        var parts = pagesPerLanguage.map { "\($0.language) \($0.count)" }
        if sharedPages > 0 { parts.append("\(sharedPages) shared") }
        let warnings = diagnostics.count
        let warningText = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        let reuse = renderedPages.map { ", \($0) rendered, \(pageCount - $0) unchanged" } ?? ""
        return "Built \(pageCount) pages (\(parts.joined(separator: ", "))) in \(time) s\(reuse)\(warningText)"
    }
}
