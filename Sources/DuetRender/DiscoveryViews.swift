import DuetModel
import Mustache

/// What the `parallel` layout sees: the two versions' headers and their sections, row by row.
struct ParallelView: MustacheParent, Sendable {
    struct Column: MustacheParent, Sendable {
        var title: String
        var url: String
        var tag: String
        var languageName: String
        var authors: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": return title
            case "url": return url
            case "tag": return tag
            case "language_name": return languageName
            case "authors": return authors
            default: return nil
            }
        }
    }

    struct Row: MustacheParent, Sendable {
        var first: String
        var second: String
        var firstTag: String
        var secondTag: String

        func child(named name: String) -> Any? {
            switch name {
            case "first": return first
            case "second": return second
            case "first_tag": return firstTag
            case "second_tag": return secondTag
            default: return nil
            }
        }
    }

    var first: Column
    var second: Column
    var rows: [Row]
    var aligned: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "first": return first
        case "second": return second
        case "rows": return rows
        case "aligned": return aligned
        default: return nil
        }
    }
}

/// What the `search` layout sees: where its form submits, the script and the index it loads.
struct SearchPageView: MustacheParent, Sendable {
    var url: String
    var script: String
    var index: String

    func child(named name: String) -> Any? {
        switch name {
        case "url": return url
        case "script": return script
        case "index": return index
        default: return nil
        }
    }
}
