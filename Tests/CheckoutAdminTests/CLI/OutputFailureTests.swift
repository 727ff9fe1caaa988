import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Output that could not be written is never a success, and never turns a committed change into a failure.
final class OutputFailureTests: CLITestCase {
    func testDumpToAFullStdoutExitsFive() {
        cli.succeed("account add T12345678")
        let result = cli.run(["dump"], stdoutFailure: "No space left on device")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(result.stderr, "error: cannot write output: No space left on device\n")
    }

    func testJSONReadToAClosedStdoutReportsAJSONError() {
        let result = cli.run(["--json", "account", "list"], stdoutFailure: "Bad file descriptor")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(
            result.stderr,
            #"{"error":{"code":"store_unusable","exit_code":5,"hint":null,"message":"cannot write output: Bad file descriptor"}}"#
                + "\n")
    }

    func testACommittedWriteWhoseStdoutBrokeStillExitsZero() throws {
        let result = cli.run(["--json", "account", "add", "T12345678"], stdoutFailure: "Broken pipe")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(
            result.stderr, "warning: standard output was not written (Broken pipe); the change was committed\n")
        XCTAssertEqual(try cli.rows("SELECT id FROM account"), [["T12345678"]])
    }

    func testARefusedWriteWhoseStdoutBrokeKeepsItsRefusal() {
        cli.succeed("account add T12345678")
        let result = cli.run(["account", "add", "T12345678"], stdoutFailure: "Broken pipe")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("error: account 'T12345678' already exists"), result.stderr)
    }
}
