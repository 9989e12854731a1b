import DuetModel

/// What `duet check` found.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int

    public init(diagnostics: [Diagnostic], pageCount: Int) {
        self.diagnostics = diagnostics
        self.pageCount = pageCount
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var succeeded: Bool { errorCount == 0 }

    /// `Checked 63 pages: 0 errors, 0 warnings`.
    public var summary: String {
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        return "Checked \(plural(pageCount, "page")): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }
}
