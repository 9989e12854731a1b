/// A folder's path and a relative path after it, NUL-terminated, in one buffer kept for a run of
/// system calls: a surveyed path goes to `link` or `unlink` with no string made for it.
struct RootedPath {
    private var bytes: [UInt8]
    private let rootCount: Int

    init(_ root: String) {
        bytes = Array(root.utf8)
        bytes.append(UInt8(ascii: "/"))
        rootCount = bytes.count
        bytes.reserveCapacity(rootCount + 256)
    }

    mutating func with<Result>(_ relative: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        bytes.removeSubrange(rootCount...)
        bytes.append(contentsOf: relative)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try UnsafeRawPointer(buffer.baseAddress!).withMemoryRebound(to: CChar.self, capacity: buffer.count, body)
        }
    }
}
