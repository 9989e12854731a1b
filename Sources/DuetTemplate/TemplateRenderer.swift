/// Renders a node tree into one growing byte buffer: sections, partials and blocks append in
/// place, and the context stack holds `TemplateValue`s, not `Any`.
struct TemplateRenderer {
    /// What a render call inherits from the one around it (swift-mustache's context, minus the stack).
    struct Frame {
        var position: SequencePosition?
        /// Prefixed to every line a standalone partial renders; grows with nested partials.
        var indentation: [UInt8] = []
        var escapes = true
        var overrides: [String: [TemplateNode]]?
    }

    let library: TemplateLibrary
    private var stack: [TemplateValue]
    private(set) var output: [UInt8] = []
    /// Where each indented render call began: a line is indented by the innermost call that has
    /// already written something, as swift-mustache indents each call's own output.
    private var indentedStarts: [(start: Int, indentation: [UInt8])] = []

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode], _ initial: Frame) {
        var frame = initial
        let indented = !frame.indentation.isEmpty
        if indented { indentedStarts.append((output.count, frame.indentation)) }
        defer { if indented { indentedStarts.removeLast() } }
        for node in nodes {
            switch node {
            case .text(let bytes):
                guard !bytes.isEmpty else { continue }
                indentIfNeeded()
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                append(lookup(name, frame), escaped: escaped && frame.escapes)
            case .section(let name, let body):
                section(lookup(name, frame), body, frame)
            case .inverted(let name, let body):
                let value = lookup(name, frame)
                switch value {
                case .list(let items):
                    guard items.isEmpty else { continue }
                    push(value) { $0.render(body, Frame(indentation: frame.indentation, escapes: frame.escapes, overrides: frame.overrides)) }
                case .bool(let flag):
                    if !flag { render(body, frame) }
                case .none:
                    render(body, frame)
                default:
                    continue
                }
            case .partial(let reference, let indentation, let overrides):
                partial(reference, indentation: indentation, overrides: overrides, frame)
            case .block(let name, let defaultBody, let indentation, let intrinsic):
                var inner = Frame(indentation: frame.indentation + indentation, escapes: frame.escapes, overrides: frame.overrides)
                guard let override = frame.overrides?[name] else {
                    render(defaultBody, inner)
                    continue
                }
                // The tag's own whitespace was written before it; the rest of the default's
                // indentation is written here, and every further line of the override gets all of it.
                if intrinsic.count > indentation.count, intrinsic.starts(with: indentation) {
                    indentIfNeeded()
                    output.append(contentsOf: intrinsic[indentation.count...])
                    inner.indentation = frame.indentation + intrinsic
                }
                render(override, inner)
            case .blockDefinition:
                continue
            case .contentType(let escapes):
                frame.escapes = escapes
            }
        }
    }

    private mutating func section(_ value: TemplateValue, _ body: [TemplateNode], _ frame: Frame) {
        switch value {
        case .none:
            return
        case .bool(let flag):
            if flag { render(body, frame) }
        case .list(let items):
            var inner = Frame(indentation: frame.indentation, escapes: frame.escapes, overrides: frame.overrides)
            for (index, item) in items.enumerated() {
                inner.position = SequencePosition(index: index, count: items.count)
                push(item) { $0.render(body, inner) }
            }
        default:
            push(value) { $0.render(body, Frame(indentation: frame.indentation, escapes: frame.escapes, overrides: frame.overrides)) }
        }
    }

    private mutating func partial(_ reference: PartialReference, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?, _ frame: Frame) {
        let index: Int
        switch reference {
        case .resolved(let resolved): index = resolved
        case .missing, .named: return
        case .dynamic(let name):
            guard case .text(let named) = lookup(name, frame), let found = library.indices[named] else { return }
            index = found
        }
        var inner = Frame(indentation: frame.indentation + (indentation ?? []), escapes: true, overrides: frame.overrides)
        if let overrides {
            // The outermost template's override wins, as the spec's inheritance asks.
            inner.overrides = (frame.overrides ?? [:]).merging(overrides) { outer, _ in outer }
        }
        render(library.templates[index], inner)
    }

    private mutating func push(_ value: TemplateValue, _ body: (inout TemplateRenderer) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }

    @inline(__always)
    private mutating func indentIfNeeded() {
        guard !indentedStarts.isEmpty else { return }
        for level in indentedStarts.reversed() where level.start < output.count {
            if output.last == UInt8(ascii: "\n") { output.append(contentsOf: level.indentation) }
            return
        }
    }

    // MARK: - Lookup

    private func lookup(_ name: TemplateName, _ frame: Frame) -> TemplateValue {
        var value: TemplateValue
        switch name.root {
        case .sequence:
            guard let position = frame.position, let first = name.transforms.first else { return .none }
            value = position.transformed(first)
            for transform in name.transforms.dropFirst() {
                guard case .none = value else { value = value.transformed(transform); continue }
                return .none
            }
            return value
        case .current:
            value = Self.descend(stack[stack.count - 1], name.keys[...])
        case .stack:
            guard let first = name.keys.first else {
                value = stack[stack.count - 1]
                break
            }
            value = .none
            for context in stack.reversed() {
                let child = Self.child(first, of: context)
                if case .none = child { continue }
                value = Self.descend(child, name.keys.dropFirst())
                break
            }
        }
        for transform in name.transforms {
            if case .none = value { return .none }
            value = value.transformed(transform)
        }
        return value
    }

    private static func descend(_ value: TemplateValue, _ keys: ArraySlice<String>) -> TemplateValue {
        var value = value
        for key in keys {
            value = child(key, of: value)
            if case .none = value { return .none }
        }
        return value
    }

    @inline(__always)
    private static func child(_ key: String, of value: TemplateValue) -> TemplateValue {
        switch value {
        case .view(let view): return view.value(for: key)
        case .map(let pairs): return pairs[key] ?? .none
        default: return .none
        }
    }

    // MARK: - Output

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .none:
            return
        case .text(let text):
            guard !text.isEmpty else { return }
            indentIfNeeded()
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        default:
            let text = value.interpolated
            guard !text.isEmpty else { return }
            indentIfNeeded()
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }
}

extension TemplateValue {
    /// How swift-mustache prints a value that is not text (`String(describing:)`).
    var interpolated: String {
        switch self {
        case .none: return ""
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number.description
        case .view(let view): return String(describing: view)
        case .list, .map: return described
        }
    }

    /// Inside a printed list or map, as Swift's `debugDescription` quotes texts.
    private var described: String {
        switch self {
        case .text(let text): return text.debugDescription
        case .list(let items): return "[" + items.map(\.described).joined(separator: ", ") + "]"
        case .map(let pairs):
            if pairs.isEmpty { return "[:]" }
            return "[" + pairs.sorted { $0.key < $1.key }.map { $0.key.debugDescription + ": " + $0.value.described }.joined(separator: ", ") + "]"
        default: return interpolated
        }
    }
}
