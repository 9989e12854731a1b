import DuetBuild
import DuetModel
import XCTest

/// What a person or a CI log sees for each output style: plain lines in pipes, colour on a
/// terminal, GitHub workflow commands on Actions, errors only with `--quiet`.
final class DiagnosticFormatterTests: XCTestCase {
    private let error = Diagnostic.error("'title' must be text, found a list",
                                         at: SourceLocation(file: "content/posts/en/2025-01-01-a.md", line: 3, column: 1))
    private let warning = Diagnostic.warning("image without alt text: describe it for readers who cannot see it",
                                             at: SourceLocation(file: "content/posts/zh/2025-01-01-a.md", line: 7, column: 5))

    func testStyleFollowsTheEnvironmentAndTheTerminal() {
        XCTAssertEqual(OutputStyle.resolve(environment: [:], standardErrorIsTerminal: true),
                       OutputStyle(colour: true, githubAnnotations: false, progress: true, detail: .normal))
        XCTAssertEqual(OutputStyle.resolve(environment: [:], standardErrorIsTerminal: false),
                       OutputStyle(colour: false, githubAnnotations: false, progress: false, detail: .normal))
        XCTAssertFalse(OutputStyle.resolve(environment: ["NO_COLOR": "1"], standardErrorIsTerminal: true).colour,
                       "NO_COLOR disables colour whatever its value")
        XCTAssertTrue(OutputStyle.resolve(environment: ["NO_COLOR": ""], standardErrorIsTerminal: true).colour,
                      "an empty NO_COLOR is as if unset (no-color.org)")
        XCTAssertTrue(OutputStyle.resolve(environment: ["NO_COLOR": "1"], standardErrorIsTerminal: true).progress)
        XCTAssertTrue(OutputStyle.resolve(environment: ["GITHUB_ACTIONS": "true"], standardErrorIsTerminal: false).githubAnnotations)
        XCTAssertFalse(OutputStyle.resolve(environment: ["GITHUB_ACTIONS": "false"], standardErrorIsTerminal: false).githubAnnotations)
        let quiet = OutputStyle.resolve(environment: [:], standardErrorIsTerminal: true, quiet: true)
        XCTAssertEqual(quiet.detail, .quiet)
        XCTAssertFalse(quiet.progress)
        XCTAssertEqual(OutputStyle.resolve(environment: [:], standardErrorIsTerminal: false, verbose: true).detail, .verbose)
    }

    func testPlainOutputHasNoEscapeSequences() {
        let lines = DiagnosticFormatter(style: OutputStyle()).lines(for: error, excerpt: ("title: [a, b]", ""))
        XCTAssertEqual(lines, ["content/posts/en/2025-01-01-a.md:3:1: error: 'title' must be text, found a list",
                               "    title: [a, b]",
                               "    ^"])
    }

    func testColourWrapsLocationSeverityAndCaret() {
        let lines = DiagnosticFormatter(style: OutputStyle(colour: true)).lines(for: warning, excerpt: ("图片 ![](a.png)", "    "))
        XCTAssertEqual(lines[0], "\u{1B}[1mcontent/posts/zh/2025-01-01-a.md:7:5:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m "
                       + "\u{1B}[1mimage without alt text: describe it for readers who cannot see it\u{1B}[0m")
        XCTAssertEqual(lines[2], "        \u{1B}[1;32m^\u{1B}[0m")
    }

    func testGitHubActionsAddsAWorkflowCommandPerDiagnostic() {
        let formatter = DiagnosticFormatter(style: OutputStyle(githubAnnotations: true))
        XCTAssertEqual(formatter.lines(for: error, excerpt: nil), [
            "content/posts/en/2025-01-01-a.md:3:1: error: 'title' must be text, found a list",
            "::error file=content/posts/en/2025-01-01-a.md,line=3,col=1::'title' must be text, found a list",
        ])
        XCTAssertEqual(formatter.lines(for: warning, excerpt: nil).last,
                       "::warning file=content/posts/zh/2025-01-01-a.md,line=7,col=5::image without alt text: describe it for readers who cannot see it")
    }

    func testWorkflowCommandEscaping() {
        let tricky = Diagnostic.error("100% broken:\r\nsecond line, and\rthird",
                                      at: SourceLocation(file: "content/posts/en/a,b:c%.md", line: 2, column: 0))
        XCTAssertEqual(DiagnosticFormatter.workflowCommand(for: tricky),
                       "::error file=content/posts/en/a%2Cb%3Ac%25.md,line=2::100%25 broken:%0D%0Asecond line, and%0Dthird")
        let fileOnly = Diagnostic.error("cannot read file: Permission denied", at: SourceLocation(file: "content/site.yml"))
        XCTAssertEqual(DiagnosticFormatter.workflowCommand(for: fileOnly), "::error file=content/site.yml::cannot read file: Permission denied")
    }

    func testQuietKeepsErrorsOnly() {
        let formatter = DiagnosticFormatter(style: OutputStyle(githubAnnotations: true, detail: .quiet))
        XCTAssertEqual(formatter.lines(for: warning, excerpt: ("x", "")), [])
        XCTAssertEqual(formatter.lines(for: error, excerpt: nil).count, 2)
    }

    func testVerboseLinesNameEveryPhaseAndCount() throws {
        let site = try SiteFixture(fixture: "basic")
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.phases.map(\.name), ["load", "parse", "graph", "plan", "render", "write", "save cache"])
        let lines = report.verboseLines
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("phases: load "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("counts: 6 source documents, 4 articles, 2 pages, "), lines[1])
        XCTAssertEqual(lines[2], "diagnostics: 0 errors, 4 warnings")
    }

    func testProgressLineRedrawsInPlace() {
        XCTAssertEqual(ProgressLine.text(phase: "render", elapsed: 1.46, tick: 1), "\r\u{1B}[2K/ building (render) 1.4 s")
        XCTAssertEqual(ProgressLine.clear, "\r\u{1B}[2K")
    }

    func testSourceDateEpochIsNow() throws {
        XCTAssertEqual(try SourceDateEpoch.now(environment: ["SOURCE_DATE_EPOCH": "1735689600"]),
                       Date(timeIntervalSince1970: 1_735_689_600))
        let clock = Date(timeIntervalSince1970: 42)
        XCTAssertEqual(try SourceDateEpoch.now(environment: [:], fallback: { clock }), clock)
        XCTAssertEqual(try SourceDateEpoch.now(environment: ["SOURCE_DATE_EPOCH": ""], fallback: { clock }), clock)
        XCTAssertThrowsError(try SourceDateEpoch.now(environment: ["SOURCE_DATE_EPOCH": "yesterday"]))
        XCTAssertThrowsError(try SourceDateEpoch.now(environment: ["SOURCE_DATE_EPOCH": "-5"]))
    }
}
