import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `apply` never deletes by omission: an account entry without one of its keys is refused, not emptied.
final class ApplySafetyTests: CLITestCase {
    func testAnEntryWithoutProfilesIsRefusedAndTheProfilesStay() throws {
        cli.succeed("account add T12345678")
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method vipps")
        let document = cli.file(
            "state.json",
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"]}]}]}"#
        )
        assertRun(
            cli.run(["apply", document]), status: 3,
            stderr: "error: invalid state document at '$.accounts[0]': 'profiles' is missing; write [] for none\n")
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile"), [["web"]])
    }
}
