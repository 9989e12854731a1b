import DuetMarkdown
import Dispatch
import Synchronization
import XCTest

/// Debian's libcmark-gfm keeps a process-wide table that finishing a parse toggles; two threads
/// finishing at once silently lose strikethrough and autolinks. Parallel output must equal serial output.
final class ConcurrentRenderingTests: XCTestCase {
    private func documents(_ count: Int) -> [String] {
        (0..<count).map { index in
            """
            # Session \(index)

            The ~~provisional~~ agreed text for round \(index) is at https://example.org/round/\(index).

            | item | state |
            |---|---|
            | \(index) | ~~open~~ closed |

            - [x] note taken
            - see www.example.org/\(index)
            """
        }
    }

    func testParallelRenderingMatchesSerialRendering() {
        let renderer = MarkdownRenderer()
        let inputs = documents(40)
        let serial = inputs.map { renderer.render($0).html }
        for (index, html) in serial.enumerated() {
            XCTAssertTrue(html.contains("<del>provisional</del>"), html)
            XCTAssertTrue(html.contains("<a href=\"https://example.org/round/\(index)\">"), html)
        }

        let results = Mutex<[String?]>(Array(repeating: nil, count: inputs.count))
        for _ in 0..<5 {
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                let html = renderer.render(inputs[index]).html
                results.withLock { $0[index] = html }
            }
            let parallel = results.withLock { $0 }
            for index in inputs.indices {
                XCTAssertEqual(parallel[index], serial[index], "document \(index) differs when rendered in parallel")
            }
        }
    }
}
