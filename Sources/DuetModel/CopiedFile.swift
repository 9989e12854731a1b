/// A file the output will contain that no document produces (a static asset), with its source:
/// the plan claims its path like any page's.
public struct CopiedFile: Hashable, Sendable {
    public var outputPath: String
    public var source: String

    public init(outputPath: String, source: String) {
        self.outputPath = outputPath
        self.source = source
    }
}
