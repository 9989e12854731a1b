/// A template file as read from the theme: its lookup name (`post`, `partials/head` -> `head`),
/// the path diagnostics print, and its text.
public struct TemplateSource: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        /// A page template chosen by `layout:` or by page kind.
        case layout
        /// A piece included with `{{> name}}` or inherited with `{{< name}}`.
        case partial
    }

    public var name: String
    public var role: Role
    public var path: String
    public var text: String

    public init(name: String, role: Role, path: String, text: String) {
        self.name = name
        self.role = role
        self.path = path
        self.text = text
    }
}
