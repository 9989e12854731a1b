import DuetModel
import DuetSource

/// `typography:` in `site.yml`. Style guides disagree on spacing between Chinese and Latin text
/// (the Chinese government standard asks for none, many publishers want a space), so the space
/// rule is off unless a publication opts in.
public struct TypographySettings: Hashable, Sendable {
    public var spaceBetweenCJKAndLatin: Bool

    public init(spaceBetweenCJKAndLatin: Bool = false) {
        self.spaceBetweenCJKAndLatin = spaceBetweenCJKAndLatin
    }

    init(siteYAML: FrontMatter) throws(SourceError) {
        self.init()
        guard let entry = siteYAML.entry("typography"), entry.value != .null else { return }
        guard case .map(let pairs) = entry.value else {
            throw .wrongType(entry.location, key: "typography", expected: "a map", found: entry.value.kindName)
        }
        for pair in pairs where pair.key == "space_between_cjk_and_latin" {
            switch pair.value {
            case .bool(let flag): spaceBetweenCJKAndLatin = flag
            case let value:
                throw .wrongType(entry.location, key: "typography.space_between_cjk_and_latin", expected: "true or false",
                                 found: value.kindName)
            }
        }
    }
}
