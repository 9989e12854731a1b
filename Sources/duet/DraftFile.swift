import ArgumentParser
import DuetAuthoring
import DuetModel
import DuetSource
import Foundation

/// The file-system edge of `duet new` and `duet import`: reading the site's settings and writing
/// a new file without ever replacing one.
enum DraftFile {
    /// The site's settings, checking that `language` is one of the site's languages.
    static func config(source: String, writingIn language: String) throws -> SiteConfig {
        let config = try config(source: source)
        guard config.language(language) != nil else {
            throw DiagnosticExit(.error("language '\(language)' is not in site.yml (languages: "
                + config.languages.map(\.code).joined(separator: ", ") + ")", at: SourceLocation(file: "\(source)/site.yml")))
        }
        return config
    }

    static func config(source: String) throws -> SiteConfig {
        let path = "\(source)/site.yml"
        let data = FileManager.default.contents(atPath: path)
        guard data != nil || FileManager.default.fileExists(atPath: source) else {
            throw DiagnosticExit(.error("content folder does not exist", at: SourceLocation(file: source)))
        }
        do {
            return try SiteConfigLoader.load(data, path: path)
        } catch {
            throw DiagnosticExit(error.diagnostic)
        }
    }

    /// Creates `path` with `text`; an existing file is an error, never overwritten.
    static func create(_ path: String, text: String) throws {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) { throw DiagnosticExit(AuthoringError.exists(path: path).diagnostic) }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: path) { throw DiagnosticExit(AuthoringError.exists(path: path).diagnostic) }
            throw DiagnosticExit(.error("cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path)))
        }
    }
}

/// A diagnostic that ends the command with exit status 1 after printing it.
struct DiagnosticExit: Error {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// Runs `body`, printing a failure as a compiler-style diagnostic and exiting with 1.
    static func reporting<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let failure as DiagnosticError {
            DiagnosticPrinter().print(failure.diagnostics)
            throw ExitCode(1)
        } catch let failure as DiagnosticExit {
            DiagnosticPrinter().print([failure.diagnostic])
            throw ExitCode(1)
        } catch let failure as AuthoringError {
            DiagnosticPrinter().print([failure.diagnostic])
            throw ExitCode(1)
        }
    }
}
