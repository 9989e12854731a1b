extension ParsedDocument {
    /// For the build's own bookkeeping (digests, the cache): reads that are not an output's.
    public var unrecordedMeta: Meta { storedMetaValue }
    public var unrecordedBody: Body { storedBodyValue }
}

extension ParsedDocument.Meta {
    /// Every field, by hand for speed (a build digests every document); `ParsedDocumentDigestTests`
    /// fails when a field is added to `Meta` and not here.
    public func combine(into digest: inout StableDigest) {
        digest.combine(slug)
        digest.combine(title)
        digest.combine(titleHTML)
        combine(date, into: &digest)
        digest.combine(UInt64(frontMatter.entries.count))
        for entry in frontMatter.entries {
            digest.combine(entry.key)
            entry.value.combine(into: &digest)
        }
        digest.combine(excerptHTML)
        digest.combine(UInt64(readingMinutes))
        digest.combine(summary)
        digest.combine(doi?.value ?? "\u{0}")
        License.combine(license, into: &digest)
        combine(updated, into: &digest)
        digest.combine(UInt64(corrections.count))
        for correction in corrections {
            combine(correction.date, into: &digest)
            digest.combine(UInt64(correction.notes.count))
            for (language, note) in correction.notes.sorted(by: { $0.key < $1.key }) {
                digest.combine(language)
                digest.combine(note)
            }
        }
    }

    private func combine(_ date: PublicationDate?, into digest: inout StableDigest) {
        if let date {
            for part in [date.year, date.month, date.day, date.hour, date.minute, date.second, date.utcOffsetSeconds] {
                digest.combine(UInt64(bitPattern: Int64(part)))
            }
        } else {
            digest.combine("\u{0}")
        }
    }

    public static let digestedFieldCount = 12
}

extension ParsedDocument.Body {
    public func combine(into digest: inout StableDigest) {
        // As `combine(html)` would, without making a String of a body read from the cache.
        withHTMLBytes { bytes in
            digest.combine(UInt64(bytes.count))
            digest.combine(bytes: bytes)
        }
        digest.combine(UInt64(headings.count))
        for heading in headings {
            digest.combine(UInt64(heading.level))
            digest.combine(heading.text)
            digest.combine(heading.id)
        }
    }
}

extension FrontMatterValue {
    func combine(into digest: inout StableDigest) {
        switch self {
        case .string(let text): digest.combine(1); digest.combine(text)
        case .int(let number): digest.combine(2); digest.combine(UInt64(bitPattern: Int64(number)))
        case .double(let number): digest.combine(3); digest.combine(number.bitPattern)
        case .bool(let flag): digest.combine(flag ? 4 : 5)
        case .null: digest.combine(6)
        case .list(let items):
            digest.combine(7); digest.combine(UInt64(items.count))
            for item in items { item.combine(into: &digest) }
        case .map(let pairs):
            digest.combine(8); digest.combine(UInt64(pairs.count))
            for pair in pairs { digest.combine(pair.key); pair.value.combine(into: &digest) }
        }
    }
}
