import Foundation

/// The transforms swift-mustache offers (`{{uppercased(name)}}`, `{{#empty(list)}}`, `{{index()}}`),
/// so a theme written for it keeps rendering. A transform a value does not have yields `.none`.
extension TemplateValue {
    func transformed(_ name: String) -> TemplateValue {
        switch self {
        case .text(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return .none
            }
        case .list(let items):
            switch name {
            case "first": return items.first ?? .none
            case "last": return items.last ?? .none
            case "reversed": return .list(items.reversed())
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "sorted": return Self.sorted(items)
            default: return .none
            }
        case .map(let pairs):
            switch name {
            case "count": return .int(pairs.count)
            case "empty": return .bool(pairs.isEmpty)
            case "enumerated", "sorted":
                return .list(pairs.sorted { $0.key < $1.key }.map { .map(["key": .text($0.key), "value": $0.value]) })
            default: return .none
            }
        case .int(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .int(number + 1)
            case "minusone": return .int(number - 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return .none
            }
        case .none, .bool, .double, .view:
            return .none
        }
    }

    /// Lists of texts or of whole numbers sort; others (as an `[Any]` in swift-mustache) do not.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue {
        var texts: [String] = []
        var numbers: [Int] = []
        for item in items {
            switch item {
            case .text(let text): texts.append(text)
            case .int(let number): numbers.append(number)
            default: return .none
            }
        }
        if numbers.isEmpty { return .list(texts.sorted().map { .text($0) }) }
        if texts.isEmpty { return .list(numbers.sorted().map { .int($0) }) }
        return .none
    }
}

/// Where a list section's current element stands, for `{{first()}}`, `{{last()}}`, `{{index()}}`,
/// `{{even()}}` and `{{odd()}}`.
struct SequencePosition {
    var index: Int
    var count: Int

    func transformed(_ name: String) -> TemplateValue {
        switch name {
        case "first": return .bool(index == 0)
        case "last": return .bool(index == count - 1)
        case "index": return .int(index)
        case "even": return .bool(index & 1 == 0)
        case "odd": return .bool(index & 1 == 1)
        default: return .none
        }
    }
}
