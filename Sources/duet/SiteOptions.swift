import ArgumentParser

/// The options `duet build` and `duet serve` share: where the site comes from and goes, and what
/// it publishes.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder (site.yml, posts/, pages/, issues/, authors/, static/).")
    var source = "content"

    @Option(help: "The theme folder.")
    var theme = "themes/default"

    @Option(help: "The output folder (replaced whole, and only when the build succeeds).")
    var output = "_site"

    @Flag(help: "Include posts dated in the future.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?
}
