/// A heading of a rendered document, with the anchor id the HTML carries for it.
public struct DocumentHeading: Hashable, Sendable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
