import Foundation

/// One rendered file and where it goes inside the output folder (`en/2025/slug/index.html`).
public struct OutputFile: Hashable, Sendable {
    /// Pages and feeds are text; an EPUB is a ZIP archive and must reach the disk byte for byte.
    public enum Body: Hashable, Sendable {
        case text(String)
        case data(Data)
    }

    public var path: String
    public var body: Body

    public init(path: String, contents: String) {
        self.path = path
        self.body = .text(contents)
    }

    public init(path: String, data: Data) {
        self.path = path
        self.body = .data(data)
    }

    /// The text of a page; a binary file reads as its bytes decoded as UTF-8 (tests and diffs only).
    public var contents: String {
        switch body {
        case .text(let text): return text
        case .data(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// What the writer puts on disk.
    public var bytes: Data {
        switch body {
        case .text(let text): return Data(text.utf8)
        case .data(let data): return data
        }
    }
}
