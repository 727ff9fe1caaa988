import XCTest

@testable import CheckoutApp

/// The spool holds a plan back until it may be printed: in memory, then in a temporary file, in order.
final class SpoolTests: XCTestCase {
    func testTextPastTheMemoryLimitComesBackWholeAndInOrder() throws {
        let spool = Spool(memoryLimit: 100)
        let lines = (0..<500).map { "+ settings T\(String(format: "%08d", $0)) name: 'Caf\u{E9} \($0)'\n" }
        for line in lines { spool.write(line) }
        let output = CapturedOutput()
        try spool.copy(to: output)
        XCTAssertEqual(output.text, lines.joined())
    }

    func testAnEmptySpoolWritesNothing() throws {
        let spool = Spool(memoryLimit: 10)
        XCTAssertTrue(spool.isEmpty)
        let output = CapturedOutput()
        try spool.copy(to: output)
        XCTAssertEqual(output.text, "")
    }
}
