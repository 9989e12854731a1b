import Foundation

/// libFuzzer's entry point, linked when built with `-sanitize=fuzzer` (see `scripts/fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func duetFuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzPipeline.run(Data(bytes: bytes, count: count))
    return 0
}

#if !DUET_FUZZ
/// Without libFuzzer (a plain `swift build`), the same target replays inputs: `duet-fuzz FILE...`
/// runs each file through the pipeline, to reproduce a crash the fuzzer saved in a debugger.
@main
struct ReplayInputs {
    static func main() throws {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: duet-fuzz FILE...  (replays fuzz inputs; scripts/fuzz runs the fuzzer)\n".utf8))
            exit(2)
        }
        for path in paths {
            let rendered = FuzzPipeline.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(path): \(rendered) files rendered")
        }
    }
}
#endif
