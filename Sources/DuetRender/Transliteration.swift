import Foundation
import Synchronization

/// ICU transliteration (`Any-Latin; Latin-ASCII`), memoized and used only as a last resort: ICU
/// builds its Han-Latin transliterator anew on every call (about 0.1 s, measured with `perf` as the
/// largest cost of a sample build), so Latin text takes a fast path and callers prefer a Latin name.
final class Transliteration: Sendable {
    static let shared = Transliteration()

    private let cache = Mutex<[String: String]>([:])

    /// `马奇班克` -> `ma qi ban ke`, `Élena` -> `Elena`.
    func ascii(_ text: String) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.allSatisfy(\.isASCII) { return folded }
        // Computed under the lock: threads asking for one name at once would otherwise each pay
        // for building ICU's Han-Latin rules.
        return cache.withLock { cache in
            if let known = cache[text] { return known }
            let latin = text.applyingTransform(.init("Any-Latin; Latin-ASCII"), reverse: false) ?? folded
            cache[text] = latin
            return latin
        }
    }
}
