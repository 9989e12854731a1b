/// One rendered file and where it goes inside the output folder (`en/2025/slug/index.html`).
public struct OutputFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
