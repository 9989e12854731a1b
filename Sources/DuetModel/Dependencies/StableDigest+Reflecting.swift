extension StableDigest {
    /// Digests any value through its stored properties, so a field added to a type is covered
    /// without anyone remembering to add it here. Dictionaries and sets are combined in an order
    /// that does not depend on the process's hash seed. For small model values (authors, issues,
    /// strings), not for bodies: `ParsedDocument.Meta` and `Body` have their own fast digests.
    public mutating func combine(reflecting value: Any) {
        switch value {
        case let text as String: combine(0x5354); combine(text)
        case let number as Int: combine(0x494e); combine(UInt64(bitPattern: Int64(number)))
        case let number as UInt64: combine(0x5536); combine(number)
        case let number as Double: combine(0x4442); combine(number.bitPattern)
        case let flag as Bool: combine(flag ? 0x5431 : 0x4630)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .dictionary?, .set?:
                var parts: [UInt64] = mirror.children.map { child in
                    var part = StableDigest()
                    part.combine(reflecting: child.value)
                    return part.value
                }
                parts.sort()
                combine(UInt64(parts.count))
                for part in parts { combine(part) }
            case .optional?:
                if let some = mirror.children.first { combine(1); combine(reflecting: some.value) } else { combine(0) }
            case .enum?:
                combine(String(describing: type(of: value)))
                // The case name; a payload, if any, is the child.
                if let payload = mirror.children.first {
                    combine(payload.label ?? "")
                    combine(reflecting: payload.value)
                } else {
                    combine(String(describing: value))
                }
            default:
                combine(UInt64(mirror.children.count))
                for child in mirror.children {
                    combine(child.label ?? "")
                    combine(reflecting: child.value)
                }
                if mirror.children.isEmpty { combine(String(describing: value)) }
            }
        }
    }
}
