import DuetModel
import Foundation

extension Data {
    /// Whether the bytes hold `needle` anywhere. Foundation's `range(of:)` compares byte by byte
    /// through its iterator and cost a twentieth of a whole build when Liquid looked for its
    /// markers in every document; this is the byte search `String.containsBytes` uses.
    func containsBytes(of needle: String) -> Bool {
        withUnsafeBytes { raw in raw.withMemoryRebound(to: UInt8.self) { $0.firstOffset(of: Array(needle.utf8)) != nil } }
    }
}
