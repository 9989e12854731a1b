import Foundation

/// The W3C's EPUBCheck, when the machine has it (Debian package `epubcheck`; CI installs it).
enum EpubCheck {
    /// Debian installs the tool as an executable jar; running it through `java -jar` works
    /// whether or not the kernel knows how to start jars.
    static var jar: String? {
        let candidates = ["/usr/bin/epubcheck", "/usr/share/java/epubcheck.jar"]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/java") else { return nil }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Exit status and the report of one book.
    static func run(_ book: URL) throws -> (status: Int32, report: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/java")
        process.arguments = ["-jar", jar ?? "/usr/bin/epubcheck", book.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
