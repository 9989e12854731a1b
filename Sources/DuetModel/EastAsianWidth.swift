/// Which characters set solid, with no space between them, in Chinese and Japanese text.
///
/// CSS Text 3 removes a segment break (a line break in the source) when the characters on both sides
/// are East Asian Wide, Fullwidth or Halfwidth and not Hangul; pandoc's `east_asian_line_breaks`
/// removes it when either side is. Duet follows pandoc, because an editor hard-wrapping a Chinese
/// paragraph puts the break beside Latin words and digits too (`使用 Swift⏎语言`). Hangul is left
/// out (Korean separates words with spaces), and so are emoji, which are "wide" only on a terminal.
public enum EastAsianWidth {
    /// Han (with radicals, strokes and the compatibility blocks), kana, bopomofo, CJK symbols and
    /// punctuation (，。、「」《》…), enclosed and squared CJK, and the full- and half-width forms.
    public static func setsSolid(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x2FDF,       // CJK and Kangxi radicals
             0x2FF0...0x303F,       // ideographic description, CJK symbols and punctuation
             0x3040...0x33FF,       // kana, bopomofo, CJK strokes, enclosed and squared (Hangul Jamo excluded below)
             0x3400...0x4DBF,       // extension A
             0x4E00...0x9FFF,       // unified ideographs
             0xF900...0xFAFF,       // compatibility ideographs
             0xFE10...0xFE1F,       // vertical forms
             0xFE30...0xFE4F,       // CJK compatibility forms
             0xFF01...0xFF60,       // full-width ASCII and brackets
             0xFF61...0xFF9F,       // half-width CJK punctuation and katakana
             0xFFE0...0xFFE6,       // full-width signs
             0x1B000...0x1B16F,     // kana supplement and extended
             0x20000...0x3FFFD:     // extensions B and later
            return !(0x3130...0x318F).contains(value)
        default:
            return false
        }
    }

    /// Where a bare URL ends for a Chinese reader: at a Han character or a full-width mark, and at
    /// the quotes, dash and ellipsis Chinese shares with English (`“ ” ‘ ’ — …`). The renderer
    /// cuts autolinks here and `duet check` stops reading a URL here, so both agree on its end.
    public static func endsBareURL(_ value: UInt32) -> Bool {
        switch value {
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: return true
        default: return setsSolid(value)
        }
    }

    /// Marks that belong to the character before them (accents, variation selectors, the
    /// zero-width joiner): looking for "the character beside a line break" skips them.
    public static func isAttached(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
