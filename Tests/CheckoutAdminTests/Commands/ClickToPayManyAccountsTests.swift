import Foundation
import XCTest

@testable import CheckoutApp

/// `clicktopay enable|disable` over several accounts or `--all`, in one transaction.
final class ClickToPayManyAccountsTests: CLITestCase {
    /// Two card accounts whose customer email is known, each with a card profile `webshop`, and one account
    /// without cards.
    private func makeAccounts() {
        for id in ["T12345678", "T87654321"] {
            makeCardAccount(id)
            cli.succeed("settings set \(id) checkout_express=true")
            cli.succeed("profile add \(id) webshop --method dintero_psp.creditcard")
        }
        cli.succeed("account add T11111111 --name Plain")
        cli.succeed("settings set T11111111 logo_url=https://example.com/logo.png")
        cli.succeed("method enable T11111111 vipps --currency NOK")
    }

    private func clickToPayAccounts() throws -> [[String]] {
        try cli.rows("SELECT account_id FROM payment_method WHERE type = 'dintero_psp.clicktopay' ORDER BY account_id")
    }

    private func historyCommands() throws -> [[String]] {
        try cli.rows("SELECT DISTINCT at, command FROM history WHERE command LIKE '%clicktopay%'")
    }

    func testEnableOnSeveralAccountsPrintsOneLineEachAndATotal() throws {
        makeAccounts()
        cli.succeed("clicktopay enable T87654321")
        assertRun(
            cli.run("clicktopay enable T12345678 T87654321"), status: 0,
            stderr: """
                T12345678: Click to Pay on (NOK); added to profile webshop
                T87654321: Click to Pay already on (NOK); no changes
                Click to Pay on for 2 accounts: 1 changed, 1 unchanged

                """)
        XCTAssertEqual(try clickToPayAccounts(), [["T12345678"], ["T87654321"]])
    }

    func testEnableAllCoversEveryAccountWithTheCardMethodInOneTransaction() throws {
        makeAccounts()
        assertRun(
            cli.run("clicktopay enable --all"), status: 0,
            stderr: """
                T12345678: Click to Pay on (NOK); added to profile webshop
                T87654321: Click to Pay on (NOK); added to profile webshop
                Click to Pay on for 2 accounts: 2 changed, 0 unchanged

                """)
        XCTAssertEqual(try clickToPayAccounts(), [["T12345678"], ["T87654321"]])
        XCTAssertEqual(try historyCommands().count, 1)
    }

    func testARefusalForOneAccountNamesItAndChangesNothing() {
        makeAccounts()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 T11111111 T87654321"), status: 3,
            stderr: """
                error: account 'T11111111' has no 'dintero_psp.creditcard'; Click to Pay is shown inside that card form
                hint: enable it first: checkout-admin method enable T11111111 dintero_psp.creditcard --currency NOK

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testACurrencyRefusalForOneAccountNamesItAndChangesNothing() {
        makeAccounts()
        cli.succeed("method enable T87654321 dintero_psp.creditcard --currency NOK --currency SEK")
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable --all --currency SEK"), status: 3,
            stderr: """
                error: account 'T12345678': 'dintero_psp.creditcard' lacks SEK, so Click to Pay could never be shown there
                hint: add them to the card method first: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAMissingAccountAmongSeveralIsRefusedAndChangesNothing() {
        makeAccounts()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 T12345679"), status: 3,
            stderr: """
                error: account 'T12345679' not found
                hint: did you mean 'T12345678'?
                hint: create it with 'checkout-admin account add T12345679'

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableJSONHasOneEntryPerAccount() throws {
        makeAccounts()
        let result = cli.run("--json clicktopay enable --all")
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let accounts = try XCTUnwrap(document["accounts"] as? [[String: Any]])
        XCTAssertEqual(accounts.map { $0["account_id"] as? String }, ["T12345678", "T87654321"])
        XCTAssertEqual(accounts.map { $0["changed"] as? Bool }, [true, true])
        XCTAssertEqual((accounts.first?["summary"] as? [String: Int])?["add"], 1)
        XCTAssertEqual((document["changes"] as? [Any])?.count, 4)
    }

    func testDisableOnSeveralAccountsPrintsOneLineEachAndATotal() throws {
        makeAccounts()
        cli.succeed("clicktopay enable T12345678 T87654321")
        assertRun(
            cli.run("clicktopay disable T12345678 T87654321 T11111111"), status: 0,
            stderr: """
                T12345678: Click to Pay off; removed from profile webshop
                T87654321: Click to Pay off; removed from profile webshop
                T11111111: Click to Pay already off; no changes
                Click to Pay off for 3 accounts: 2 changed, 1 unchanged

                """)
        XCTAssertEqual(try clickToPayAccounts(), [])
    }

    func testDisableAllInJSONHasOneEntryPerAccount() throws {
        makeAccounts()
        cli.succeed("clicktopay enable T12345678")
        let result = cli.run("--json clicktopay disable --all")
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let accounts = try XCTUnwrap(document["accounts"] as? [[String: Any]])
        XCTAssertEqual(accounts.map { $0["account_id"] as? String }, ["T12345678", "T87654321"])
        XCTAssertEqual(accounts.map { $0["changed"] as? Bool }, [true, false])
        XCTAssertEqual(try clickToPayAccounts(), [])
    }

    func testAllWithoutCardAccountsSaysSoAndCreatesNoStore() {
        assertRun(
            cli.run("clicktopay enable --all"), status: 0,
            stderr: "no account has dintero_psp.creditcard; no changes\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testAccountsAndAllTogetherAreAUsageError() {
        makeAccounts()
        let result = cli.run("clicktopay enable T12345678 --all")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: give account ids or --all, not both\n"), result.stderr)
    }

    func testNoAccountIsAUsageError() {
        let result = cli.run("clicktopay disable")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: missing <account>\n"), result.stderr)
    }
}
