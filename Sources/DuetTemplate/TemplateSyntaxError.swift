/// A template that cannot be parsed, with the place the parser stopped (1-based, the column in
/// characters).
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Error, Sendable, Equatable {
        /// A section or parent opened and never closed (the position is the end of the text).
        case unclosedSection
        /// `{{/name}}` that does not close the section it is in.
        case mismatchedClose
        /// A tag whose `}}` is missing or whose name has characters a name cannot have.
        case unfinishedTag
        /// A comment without its closing delimiter.
        case unclosedComment
        case invalidSetDelimiter
        case transformOnBlock
        /// Something other than `{{$block}}` definitions inside `{{< parent}}...{{/parent}}`.
        case illegalInsideParent
        case invalidPragma
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
}
