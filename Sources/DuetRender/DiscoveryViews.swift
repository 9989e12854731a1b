import DuetModel
import DuetTemplate

/// What the `parallel` layout sees: the two versions' headers and their sections, row by row.
struct ParallelView: TemplateView, Sendable {
    struct Column: TemplateView, Sendable {
        var title: String
        var url: String
        var tag: String
        var languageName: String
        var authors: String?

        func value(for name: String) -> TemplateValue {
            switch name {
            case "title": return TemplateValue(title)
            case "url": return TemplateValue(url)
            case "tag": return TemplateValue(tag)
            case "language_name": return TemplateValue(languageName)
            case "authors": return TemplateValue(authors)
            default: return .none
            }
        }
    }

    struct Row: TemplateView, Sendable {
        var first: String
        var second: String
        var firstTag: String
        var secondTag: String

        func value(for name: String) -> TemplateValue {
            switch name {
            case "first": return TemplateValue(first)
            case "second": return TemplateValue(second)
            case "first_tag": return TemplateValue(firstTag)
            case "second_tag": return TemplateValue(secondTag)
            default: return .none
            }
        }
    }

    var first: Column
    var second: Column
    var rows: [Row]
    var aligned: Bool

    func value(for name: String) -> TemplateValue {
        switch name {
        case "first": return TemplateValue(first)
        case "second": return TemplateValue(second)
        case "rows": return .views(rows)
        case "aligned": return .bool(aligned)
        default: return .none
        }
    }
}

/// What the `search` layout sees: where its form submits, the script and the index it loads.
struct SearchPageView: TemplateView, Sendable {
    var url: String
    var script: String
    var index: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "url": return TemplateValue(url)
        case "script": return TemplateValue(script)
        case "index": return TemplateValue(index)
        default: return .none
        }
    }
}
