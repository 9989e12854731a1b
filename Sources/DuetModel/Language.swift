/// A language the publication appears in, as declared in `site.yml`.
///
/// `code` names folders and URLs (`zh`), `tag` is the BCP 47 tag for `<html lang>` (`zh-Hans`),
/// `locale` is the Open Graph form (`zh_CN`), and `name` is the language's name in itself (中文).
public struct Language: Hashable, Sendable, Codable {
    public var code: String
    public var tag: String
    public var name: String
    public var locale: String

    public init(code: String, tag: String? = nil, name: String? = nil, locale: String? = nil) {
        self.code = code
        self.tag = tag ?? code
        self.name = name ?? code
        self.locale = locale ?? code
    }
}
