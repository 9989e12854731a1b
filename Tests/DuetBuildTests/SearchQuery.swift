@testable import DuetRender
import Foundation
import XCTest

/// A query answered from a built `search.json` the way the search page's script answers it:
/// the same tokenizer, the same Bloom filter hashing, the same ranking.
enum SearchQuery {
    /// URLs of the articles `query` finds in the index at `index`, best first.
    static func urls(matching query: String, in index: URL) throws -> [String] {
        let data = try Data(contentsOf: index)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let hashes = try XCTUnwrap(object["hashes"] as? Int)
        let docs = try XCTUnwrap(object["docs"] as? [[String: String]])
        let wanted = Array(Set(SearchTokenizer.tokens(query)))
        var scored: [(url: String, score: Int, order: Int)] = []
        for (order, doc) in docs.enumerated() {
            let bytes = try XCTUnwrap(Data(base64Encoded: doc["b"] ?? ""))
            let body = BloomFilter(bytes: [UInt8](bytes), hashes: hashes)
            let fields = [doc["t"], doc["a"], doc["e"]].map { SearchTokenizer.fieldTokens($0 ?? "") }
            var score = 0
            for token in wanted {
                let weight = fields[0].contains(token) ? 8 : fields[1].contains(token) ? 4
                    : fields[2].contains(token) ? 2 : body.contains(token) ? 1 : 0
                score = weight == 0 ? -1 : score + weight
                if score < 0 { break }
            }
            if score > 0 { scored.append((doc["u"] ?? "", score, order)) }
        }
        return scored.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.map(\.url)
    }
}
