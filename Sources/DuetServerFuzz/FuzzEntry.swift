import Foundation

/// libFuzzer's callback: one request through parsing, the host check, path resolution and ranges.
@_cdecl("LLVMFuzzerTestOneInput")
public func duetServeFuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    RequestFuzzing.run(Data(bytes: bytes, count: count))
    return 0
}

#if DUET_FUZZ
/// libFuzzer's driver (`-sanitize=fuzzer` links it). SwiftPM links an executable's entry point
/// under its own name, so libFuzzer's `main` is never used: this `main` hands over to the driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// Under `scripts/fuzz-serve` (`-D DUET_FUZZ`): the libFuzzer driver with its usual options. In a plain
/// build: replays inputs, `duet-serve-fuzz FILE...`, to reproduce a crash the fuzzer saved in a debugger.
@main
struct DuetServerFuzz {
    static func main() throws {
        #if DUET_FUZZ
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, duetServeFuzzTestOneInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: duet-serve-fuzz FILE...  (replays fuzz inputs; scripts/fuzz-serve runs the fuzzer)\n".utf8))
            exit(2)
        }
        for path in paths {
            RequestFuzzing.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(path): every invariant holds")
        }
        #endif
    }
}
