import DuetModel
import Foundation

/// The cache's byte format: little-endian varints and length-prefixed UTF-8. Hand-written because
/// Foundation's JSON and property-list coders took half a second for a 2,000-article cache,
/// which is more than the whole one-edit rebuild may cost.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ number: UInt64) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ number: Int) { write(UInt64(bitPattern: Int64(number))) }

    /// Eight bytes, little-endian: digests are random, so a varint would take ten.
    mutating func writeFixed(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }
    mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(utf8: $0) }
    }

    /// Bytes as they are, with no length: a record already encoded, a file's contents.
    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }
    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }

    /// As `write(_: String)` writes the string these bytes are.
    mutating func write(utf8 text: UnsafeBufferPointer<UInt8>) {
        write(text.count)
        bytes.append(contentsOf: text)
    }
}

/// Reads what `CacheWriter` wrote; any inconsistency throws, and the build then ignores the cache.
struct CacheReader {
    struct Corrupt: Error {}

    let bytes: [UInt8]
    private(set) var position = 0

    /// Reads `bytes` from `position` on, without copying them.
    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = min(max(position, 0), bytes.count)
    }

    var isAtEnd: Bool { position == bytes.count }

    /// The digest of everything after the reading position (a checksum is made over what follows it).
    var digestOfRest: UInt64 {
        bytes.withUnsafeBytes { CacheChecksum.of(UnsafeRawBufferPointer(rebasing: $0[position...])) }
    }

    mutating func readFixed() throws(Corrupt) -> UInt64 {
        guard bytes.count - position >= 8 else { throw Corrupt() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        position += 8
        return UInt64(littleEndian: value)
    }

    mutating func readUInt64() throws(Corrupt) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws(Corrupt) -> Int { Int(Int64(bitPattern: try readUInt64())) }

    mutating func readBool() throws(Corrupt) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Corrupt() }
        position += 1
        return bytes[position - 1] == 1
    }

    /// Every file this reads is checksummed whole, so its strings are what was written: they are
    /// decoded by the specialised `String(decoding:)` (`String(validating:)` took a generic path
    /// with a metadata look-up per string, a tenth of reading the parses).
    mutating func readString() throws(Corrupt) -> String {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
        let text = bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self)
        }
        position += count
        return text
    }

    /// What was read since `start`, sharing the buffer.
    func bytes(since start: Int) -> ArraySlice<UInt8> { bytes[start..<position] }

    mutating func skip(_ count: Int) throws(Corrupt) {
        guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
        position += count
    }

    mutating func readCount() throws(Corrupt) -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
        return count
    }
}

extension CacheWriter {
    mutating func write(_ location: SourceLocation) {
        write(location.file)
        write(location.line)
        write(location.column)
    }

    /// A location in the document's own file (every front matter entry's, as a rule) is a flag,
    /// not its path again: decoding 2,000 documents' paths a dozen times each was a quarter of
    /// their strings, each one allocated.
    mutating func write(_ location: SourceLocation, in path: String) {
        let own = location.file == path
        write(own)
        if !own { write(location.file) }
        write(location.line)
        write(location.column)
    }

    mutating func write(_ value: FrontMatterValue) {
        switch value {
        case .string(let text): write(0); write(text)
        case .int(let number): write(1); write(number)
        case .double(let number): write(2); write(number.bitPattern)
        case .bool(let flag): write(3); write(flag)
        case .null: write(4)
        case .list(let items):
            write(5); write(items.count)
            for item in items { write(item) }
        case .map(let pairs):
            write(6); write(pairs.count)
            for pair in pairs { write(pair.key); write(pair.value) }
        }
    }

    /// Everything of the document but its body's HTML, which the side store keeps (`ParseStore`).
    mutating func write(_ document: ParsedDocument) {
        write(document.kind == .post)
        write(document.sourcePath)
        write(document.language)
        write(document.slug)
        write(document.title)
        write(document.titleHTML)
        write(document.date)
        write(document.frontMatter.entries.count)
        for entry in document.frontMatter.entries {
            write(entry.key)
            write(entry.value)
            write(entry.location, in: document.sourcePath)
        }
        write(document.unrecordedImageSources != nil)
        if let sources = document.unrecordedImageSources {
            write(sources.count)
            for source in sources.sorted() { write(source) }
        }
        write(document.unrecordedBioNames != nil)
        if let names = document.unrecordedBioNames {
            write(names.count)
            for name in names { write(name) }
        }
        write(document.excerptHTML)
        write(document.headings.count)
        for heading in document.headings {
            write(heading.level)
            write(heading.text)
            write(heading.id)
        }
        write(document.translationKey)
        write(document.readingMinutes)
        write(document.summary)
        write(document.doiOverride?.value ?? "")
        write(document.licenseOverride)
        write(document.updated)
        write(document.corrections.count)
        for correction in document.corrections {
            write(correction.date)
            write(correction.notes.count)
            for (language, note) in correction.notes.sorted(by: { $0.key < $1.key }) {
                write(language)
                write(note)
            }
        }
    }

    mutating func write(_ date: PublicationDate?) {
        write(date != nil)
        if let date {
            for part in [date.year, date.month, date.day, date.hour, date.minute, date.second, date.utcOffsetSeconds] { write(part) }
        }
    }

    mutating func write(_ license: License?) {
        write(license != nil)
        guard let license else { return }
        write(license.id)
        write(license.url)
        write(license.names.count)
        for (language, name) in license.names.sorted(by: { $0.key < $1.key }) {
            write(language)
            write(name)
        }
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.severity == .error)
        write(diagnostic.message)
        write(diagnostic.location)
    }
}

extension CacheReader {
    mutating func readLocation() throws(Corrupt) -> SourceLocation {
        SourceLocation(file: try readString(), line: try readInt(), column: try readInt())
    }

    /// What `write(_:in:)` wrote: a location in `path` shares its storage.
    mutating func readLocation(in path: String) throws(Corrupt) -> SourceLocation {
        let file = try readBool() ? path : try readString()
        return SourceLocation(file: file, line: try readInt(), column: try readInt())
    }

    mutating func readValue(depth: Int = 0) throws(Corrupt) -> FrontMatterValue {
        guard depth < 64 else { throw Corrupt() }
        switch try readInt() {
        case 0: return .string(try readString())
        case 1: return .int(try readInt())
        case 2: return .double(Double(bitPattern: try readUInt64()))
        case 3: return .bool(try readBool())
        case 4: return .null
        case 5:
            var items: [FrontMatterValue] = []
            for _ in 0..<(try readCount()) { items.append(try readValue(depth: depth + 1)) }
            return .list(items)
        case 6:
            var pairs: [(key: String, value: FrontMatterValue)] = []
            for _ in 0..<(try readCount()) { pairs.append((try readString(), try readValue(depth: depth + 1))) }
            return .map(pairs)
        default: throw Corrupt()
        }
    }

    /// What `write(_: ParsedDocument)` wrote, with the body `body` makes of the headings.
    mutating func readDocument(body makeBody: ([DocumentHeading]) -> ParsedDocument.Body) throws(Corrupt) -> ParsedDocument {
        let kind: ParsedDocument.Kind = try readBool() ? .post : .page
        let sourcePath = try readString()
        let language = try readString()
        let slug = try readString()
        let title = try readString()
        let titleHTML = try readString()
        let date = try readDate()
        var entries: [FrontMatter.Entry] = []
        for _ in 0..<(try readCount()) {
            entries.append(FrontMatter.Entry(key: try readString(), value: try readValue(), location: try readLocation(in: sourcePath)))
        }
        var imageSources: Set<String>?
        if try readBool() {
            var sources: Set<String> = []
            for _ in 0..<(try readCount()) { sources.insert(try readString()) }
            imageSources = sources
        }
        var bioNames: [String]?
        if try readBool() {
            var names: [String] = []
            for _ in 0..<(try readCount()) { names.append(try readString()) }
            bioNames = names
        }
        let excerptHTML = try readString()
        var headings: [DocumentHeading] = []
        for _ in 0..<(try readCount()) {
            headings.append(DocumentHeading(level: try readInt(), text: try readString(), id: try readString()))
        }
        let translationKey = try readString()
        let readingMinutes = try readInt()
        let summary = try readString()
        let doi = try readString()
        let license = try readLicense()
        let updated = try readDate()
        var corrections: [Correction] = []
        for _ in 0..<(try readCount()) {
            guard let date = try readDate() else { throw Corrupt() }
            var notes: [String: String] = [:]
            for _ in 0..<(try readCount()) { notes[try readString()] = try readString() }
            corrections.append(Correction(date: date, notes: notes))
        }
        var body = makeBody(headings)
        body.imageSources = imageSources
        body.bioNames = bioNames
        return ParsedDocument(kind: kind, sourcePath: sourcePath, language: language, slug: slug, title: title, date: date,
                              frontMatter: FrontMatter(entries: entries), body: body,
                              excerptHTML: excerptHTML, translationKey: translationKey,
                              readingMinutes: readingMinutes, summary: summary, titleHTML: titleHTML,
                              doi: doi.isEmpty ? nil : DOI(doi), license: license, updated: updated, corrections: corrections)
    }

    mutating func readDate() throws(Corrupt) -> PublicationDate? {
        guard try readBool() else { return nil }
        return PublicationDate(year: try readInt(), month: try readInt(), day: try readInt(), hour: try readInt(),
                               minute: try readInt(), second: try readInt(), utcOffsetSeconds: try readInt())
    }

    mutating func readLicense() throws(Corrupt) -> License? {
        guard try readBool() else { return nil }
        let id = try readString()
        let url = try readString()
        var names: [String: String] = [:]
        for _ in 0..<(try readCount()) {
            let language = try readString()
            names[language] = try readString()
        }
        return License(id: id, url: url, names: names)
    }

    mutating func readDiagnostic() throws(Corrupt) -> Diagnostic {
        let severity: Diagnostic.Severity = try readBool() ? .error : .warning
        let message = try readString()
        return Diagnostic(severity, message, at: try readLocation())
    }
}

extension CacheWriter {
    mutating func write(_ dependency: Dependency) {
        switch dependency {
        case .body(let path): write(0); write(path)
        case .meta(let path): write(1); write(path)
        case .author(let id): write(2); write(id)
        case .issue(let id): write(3); write(id)
        case .strings(let language): write(4); write(language)
        case .layout(let name): write(5); write(name)
        case .volatile: write(6)
        case .query(let query):
            write(7)
            switch query {
            case .articles: write(0)
            case .article(let path): write(1); write(path)
            case .articlesIn(let language): write(2); write(language)
            case .articlesBy(let id): write(3); write(id)
            case .pages: write(4)
            case .issues: write(5)
            case .authors: write(6)
            case .currentIssue: write(7)
            case .tableOfContents(let issue, let language): write(8); write(issue); write(language)
            case .translations(let id): write(9); write(id.kind == .post); write(id.key)
            case .issueOf(let path): write(10); write(path)
            }
        }
    }
}

extension CacheReader {
    mutating func readDependency() throws(Corrupt) -> Dependency {
        switch try readInt() {
        case 0: return .body(try readString())
        case 1: return .meta(try readString())
        case 2: return .author(try readString())
        case 3: return .issue(try readString())
        case 4: return .strings(try readString())
        case 5: return .layout(try readString())
        case 6: return .volatile
        case 7:
            switch try readInt() {
            case 0: return .query(.articles)
            case 1: return .query(.article(try readString()))
            case 2: return .query(.articlesIn(try readString()))
            case 3: return .query(.articlesBy(try readString()))
            case 4: return .query(.pages)
            case 5: return .query(.issues)
            case 6: return .query(.authors)
            case 7: return .query(.currentIssue)
            case 8: return .query(.tableOfContents(issue: try readString(), language: try readString()))
            case 9:
                let kind: ParsedDocument.Kind = try readBool() ? .post : .page
                return .query(.translations(TranslationSet.ID(kind: kind, key: try readString())))
            case 10: return .query(.issueOf(try readString()))
            default: throw Corrupt()
            }
        default: throw Corrupt()
        }
    }
}

/// The checksum of a cache file or stored body: four independent lanes of eight bytes, so the
/// multiplications overlap (`StableDigest`, one lane, is a chain of them). It reads every byte of
/// the cache file (several megabytes at 2,000 articles), so its speed is the load's. Detects
/// damage, not tampering.
enum CacheChecksum {
    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        var offset = 0
        while offset + 32 <= buffer.count {
            lanes.0 = mix(lanes.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var tail = StableDigest()
        tail.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        var result = mix(mix(mix(mix(UInt64(buffer.count), lanes.0), lanes.1), lanes.2), lanes.3)
        result = mix(result, tail.value)
        return result
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ UInt64(littleEndian: word)) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }
}
