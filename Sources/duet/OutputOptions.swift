import ArgumentParser
import DuetBuild
import Foundation

/// How much `duet build` and `duet serve` print; colour, annotations and progress follow the
/// environment (`NO_COLOR`, `GITHUB_ACTIONS`, whether stderr is a terminal).
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print phase timings and counts.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var style: OutputStyle {
        OutputStyle.resolve(environment: ProcessInfo.processInfo.environment,
                            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1, quiet: quiet, verbose: verbose)
    }
}
