/// The front matter of one document: every key in the author's order, with where it was written.
///
/// Locations are kept per key so that a wrong value (a `title` that is a list, a date that does
/// not exist, a permalink that leaves the site) is reported at its own line, not at line 1.
public struct FrontMatter: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: FrontMatterValue
        public var location: SourceLocation

        public init(key: String, value: FrontMatterValue, location: SourceLocation) {
            self.key = key
            self.value = value
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> FrontMatterValue? {
        entries.first { $0.key == key }?.value
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var isEmpty: Bool { entries.isEmpty }
}
