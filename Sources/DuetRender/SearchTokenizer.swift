import DuetModel
/// Splits text into the tokens search matches on, the same way `static/js/search.js` splits a
/// query: the index is only useful if both sides agree token for token.
///
/// Chinese has no spaces, so it is cut into overlapping character pairs (`小圆桌` -> `小圆`, `圆桌`):
/// any two-character word is then a token wherever it stands in a sentence, without a dictionary.
/// A run of one character (a query `桌`) stays a single character. Other scripts are split into
/// words at anything that is not a letter or a digit, lower-cased, with diacritics and width
/// variants folded (`Café` and `ｃａｆｅ` are both `cafe`).
enum SearchTokenizer {
    /// Lower-cased, compatibility-decomposed, combining marks removed, final sigma as sigma:
    /// JavaScript's `s.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/ς/g, "σ")`.
    /// Scalar by scalar, with ASCII, the common Han blocks (which neither case nor decomposition
    /// changes) and punctuation and spaces (which only ever separate tokens, decomposed or not)
    /// passed straight through: the index folds every article's whole text.
    static func folded(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        forEachFolded(text) { result.append($0) }
        return String(result)
    }

    /// The scalars of `folded(text)`, without building the string. With `isHTML`, tags are read
    /// as plain text reads them (`TagNameScanner`), character references as spaces (the escapes cmark writes, `&amp;` `&lt;` `&gt;`
    /// `&quot;`, are all separators), which spares the index a plain-text copy of every article.
    @inline(__always)
    private static func forEachFolded(_ text: String, isHTML: Bool = false, _ body: (Unicode.Scalar) -> Void) {
        var inTag = false
        var tag = TagNameScanner()
        var inReference = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isHTML {
                if inTag {
                    if scalar == ">" {
                        inTag = false
                        if !tag.joinsText { body(" ") }
                    } else {
                        tag.read(scalar)
                    }
                    continue
                }
                if inReference {
                    if scalar == ";" {
                        inReference = false
                        continue
                    }
                    if value < 0x80 && (isWordPart(scalar) || scalar == "#") { continue }
                    inReference = false
                }
                if scalar == "<" {
                    inTag = true
                    tag = TagNameScanner()
                    continue
                }
                if scalar == "&" {
                    inReference = true
                    body(" ")
                    continue
                }
            }
            if value < 0x80 {
                body((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || isSeparator(scalar) {
                body(scalar)
            } else {
                for part in String(scalar).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
                    switch part.properties.generalCategory {
                    case .nonspacingMark, .spacingMark, .enclosingMark: continue
                    default: body(part == "ς" ? "σ" : part)
                    }
                }
            }
        }
    }

    /// The tokens of `text`, in order, repeats included.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        func flushRun() {
            if run.count == 1 {
                tokens.append(String(Character(run[0])))
            } else if run.count > 1 {
                for index in 0..<(run.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(run[index])
                    pair.append(run[index + 1])
                    tokens.append(String(pair))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in folded(text).unicodeScalars {
            if PlainText.isCJK(scalar) {
                flushWord()
                run.append(scalar)
            } else if isWordPart(scalar) {
                flushRun()
                word.append(scalar)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
        return tokens
    }

    /// The FNV-1a hash of each distinct token, which is all a Bloom filter needs: the same set as
    /// `tokens(text)` hashed, without making a string of every token (a Chinese article has
    /// thousands, and hashing non-ASCII strings for a `Set` was most of the index's cost).
    static func tokenHashes(_ text: String, isHTML: Bool = false) -> Set<UInt32> {
        Set(sortedTokenHashes(text, isHTML: isHTML))
    }

    /// `tokenHashes(text)` as a sorted array without repeats. Hashes are appended as they are
    /// made and sorted once, which costs a fraction of inserting each into a `Set`; the state is
    /// a struct fed in place, so no closure captures (and checks access to) it per scalar.
    static func sortedTokenHashes(_ text: String, isHTML: Bool = false) -> [UInt32] {
        var collector = TokenHashCollector()
        forEachFolded(text, isHTML: isHTML) { collector.take($0) }
        return collector.finish()
    }

    /// What a field answers to: its tokens plus each CJK character alone, so a one-character query
    /// finds a title or a name that contains the character anywhere.
    static func fieldTokens(_ text: String) -> Set<String> {
        var set = Set(tokens(text))
        for scalar in folded(text).unicodeScalars where PlainText.isCJK(scalar) { set.insert(String(Character(scalar))) }
        return set
    }

    /// `fieldTokens(text)` hashed, sorted, without repeats.
    static func sortedFieldTokenHashes(_ text: String) -> [UInt32] {
        var collector = TokenHashCollector(singleCharacters: true)
        forEachFolded(text) { collector.take($0) }
        return collector.finish()
    }

    /// The hashes of the tokens `tokens(_:)` would cut, made as the folded scalars arrive.
    private struct TokenHashCollector {
        /// Also each CJK character alone (`fieldTokens`).
        var singleCharacters = false
        private var hashes: [UInt32] = []
        private var word: UInt32?
        private var previous: Unicode.Scalar?
        private var runLength = 0

        init(singleCharacters: Bool = false) { self.singleCharacters = singleCharacters }

        @inline(__always)
        mutating func take(_ scalar: Unicode.Scalar) {
            if PlainText.isCJK(scalar) {
                flushWord()
                let single = BloomFilter.fnv1a(appending: scalar, to: BloomFilter.fnvOffset)
                if singleCharacters { hashes.append(single) }
                if let first = previous {
                    hashes.append(BloomFilter.fnv1a(appending: scalar, to: BloomFilter.fnv1a(appending: first, to: BloomFilter.fnvOffset)))
                }
                previous = scalar
                runLength += 1
            } else if SearchTokenizer.isWordPart(scalar) {
                flushRun()
                word = BloomFilter.fnv1a(appending: scalar, to: word ?? BloomFilter.fnvOffset)
            } else {
                flushWord()
                flushRun()
            }
        }

        private mutating func flushWord() {
            if let hash = word { hashes.append(hash) }
            word = nil
        }

        private mutating func flushRun() {
            if runLength == 1, let single = previous { hashes.append(BloomFilter.fnv1a(appending: single, to: BloomFilter.fnvOffset)) }
            previous = nil
            runLength = 0
        }

        mutating func finish() -> [UInt32] {
            flushWord()
            flushRun()
            hashes.radixSort()
            return hashes.sortedUnique()
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator:
            return true
        default:
            return false
        }
    }

    /// JavaScript's `/[\p{L}\p{N}]/u`.
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
