import Foundation
import XCTest

/// `diff` against the emulator: apply's plan format, `--json`, and `--exit-code`.
final class DiffCommandTests: XCTestCase {
    private var emulator: EmulatorHarness!

    override func setUpWithError() throws {
        emulator = try EmulatorHarness(state: EmulatorState.document(["T12345678": EmulatorState.merchant()]))
        XCTAssertEqual(try emulator.run("pull T12345678").status, 0)
    }

    override func tearDown() {
        emulator.stop()
    }

    func testDiffOfAFreshPullIsCleanAndExitCodeZero() throws {
        XCTAssertEqual(
            try emulator.run("diff T12345678 --exit-code"),
            ChildProcessResult(status: 0, stdout: "No changes.\n", stderr: ""))
    }

    func testDiffPrintsThePlanAndExitCodeOneWhenTheyDiffer() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        XCTAssertEqual(try emulator.run("profile remove T12345678 p001 --yes").status, 0)
        XCTAssertEqual(try emulator.run("method enable T12345678 dintero_psp.creditcard --currency SEK").status, 0)
        let expected = """
            + settings T12345678 website: 'https://example.org'
            ~ method T12345678 dintero_psp.creditcard: NOK with details → SEK with details
            - profile T12345678 p001
            Plan: 1 to add, 1 to change, 1 to remove.

            """
        XCTAssertEqual(try emulator.run("diff T12345678"), ChildProcessResult(status: 0, stdout: expected, stderr: ""))
        XCTAssertEqual(
            try emulator.run("diff T12345678 --exit-code"), ChildProcessResult(status: 1, stdout: expected, stderr: ""))
    }

    func testDiffJSONIsApplysDocument() throws {
        XCTAssertEqual(try emulator.run("settings set T12345678 website=https://example.org").status, 0)
        let result = try emulator.run("diff T12345678 --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["format_version"] as? String, "1")
        XCTAssertEqual(document["applied"] as? Bool, false)
        XCTAssertEqual(document["summary"] as? [String: Int], ["add": 1, "change": 0, "remove": 0])
    }

    func testDiffOfAnUnknownAccountIsNotFound() throws {
        let result = try emulator.run("diff T87654321")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("error: account 'T87654321' not found\n"), result.stderr)
    }
}
