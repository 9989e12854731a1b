import Foundation
import XCTest

/// Crossref's schema 5.3.1, checked with libxml2's `xmllint` (Debian `libxml2-utils`; CI installs
/// it). The schema lives beside the repository, in `../shared/schemas/crossref-5.3.1/`; without
/// it or without xmllint the tests that use this skip.
enum CrossrefSchema {
    static let schema = SiteFixture.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/crossref-5.3.1/crossref5.3.1.xsd")

    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func skipUnlessAvailable() throws {
        guard xmllint != nil else { throw XCTSkip("xmllint is not installed (apt-get install libxml2-utils)") }
        guard FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("no Crossref schema at \(schema.path)") }
    }

    /// xmllint's complaints about `file`, or nil when the schema accepts it.
    static func problems(_ file: URL) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(xmllint))
        process.arguments = ["--nonet", "--noout", "--schema", schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        // The schema's own import warnings (an unreachable MathML copy) are not about the file.
        return String(decoding: output, as: UTF8.self).split(separator: "\n")
            .filter { !$0.contains("Schemas parser warning") }.joined(separator: "\n")
    }
}
