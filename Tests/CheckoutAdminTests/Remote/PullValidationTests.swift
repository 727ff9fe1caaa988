import Foundation
import XCTest

/// `pull` reads Dintero's documents through the same validators as `account import`: the whitespace policy and
/// the URL scheme rule hold for pulled values too.
final class PullValidationTests: XCTestCase {
    private var emulator: EmulatorHarness!

    override func setUpWithError() throws {
        emulator = try EmulatorHarness(state: EmulatorState.document(["T12345678": EmulatorState.merchant()]))
    }

    override func tearDown() {
        emulator.stop()
    }

    private func backofficeEdit(_ merchant: [String: Any]) -> [String: Any] {
        [
            "kind": "backoffice_edit", "account": "T12345678", "target": "checkout",
            "patch": ["configuration": ["merchant": merchant]],
        ]
    }

    func testPullOfANameWithATrailingSpaceIsRefusedNamingThePathAndWritesNothing() throws {
        try emulator.fault(backofficeEdit(["name": "Example AS "]))
        let pulled = try emulator.run("pull T12345678")
        XCTAssertEqual(pulled.status, 3)
        XCTAssertEqual(
            pulled.stderr,
            """
            error: invalid value 'Example AS ' for setting 'name' at '$.configuration.merchant.name'
            hint: leading and trailing whitespace is not allowed: did you mean 'Example AS'?

            """)
        XCTAssertEqual(
            try emulator.run("account list --json").stdout, "{\n  \"accounts\": [],\n  \"format_version\": \"1\"\n}\n")
    }

    func testPullKeepsAnUpperCaseSchemeAsDinteroHasIt() throws {
        try emulator.fault(backofficeEdit(["logo_url": "HTTPS://example.com/logo.png"]))
        let pulled = try emulator.run("pull T12345678")
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        XCTAssertEqual(
            try emulator.run("settings show T12345678 logo_url").stdout, "HTTPS://example.com/logo.png\n")
        XCTAssertEqual(try emulator.run("diff T12345678 --exit-code").status, 0)
    }
}
