import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `history` in text after real commands: a header per write (time, actor, command line), then one line per
/// change with the field-level difference; added and removed accounts say what they held.
final class HistoryTextTests: CLITestCase {
    /// The times of the newest `count` rows, newest first (each command's rows share one time).
    private func times(_ count: Int) throws -> [String] {
        try cli.rows("SELECT at FROM history ORDER BY seq DESC LIMIT \(count)").map { $0[0] }
    }

    func testProfileChangesShowTheMethodsAddedAndRemovedAndTheFieldsChanged() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("profile add-method T12345678 web vipps")
        cli.succeed("profile remove-method T12345678 web dintero_psp.creditcard")
        XCTAssertEqual(
            cli.run(["profile", "set", "T12345678", "web", "description=Web shop", "auto_capture=true"]).status, 0)
        let at = try times(3)
        assertRun(
            cli.run("history T12345678 --limit 3"), status: 0,
            stdout: """
                \(at[0])  tester  checkout-admin profile set T12345678 web 'description=Web shop' auto_capture=true
                  ~ profile T12345678 web: auto_capture false → true; description (none) → 'Web shop'
                \(at[1])  tester  checkout-admin profile remove-method T12345678 web dintero_psp.creditcard
                  ~ profile T12345678 web: - dintero_psp.creditcard
                \(at[2])  tester  checkout-admin profile add-method T12345678 web vipps
                  ~ profile T12345678 web: + vipps

                """)
    }

    func testMethodChangesShowTheCurrenciesAddedAndRemoved() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("method enable T12345678 vipps --currency SEK --currency DKK")
        cli.succeed("method disable T12345678 vipps")
        let at = try times(3)
        assertRun(
            cli.run("history T12345678 --limit 3"), status: 0,
            stdout: """
                \(at[0])  tester  checkout-admin method disable T12345678 vipps
                  - method T12345678 vipps: DKK, SEK
                \(at[1])  tester  checkout-admin method enable T12345678 vipps --currency SEK --currency DKK
                  ~ method T12345678 vipps: + DKK; + SEK; - NOK
                \(at[2])  tester  checkout-admin method enable T12345678 vipps --currency NOK
                  + method T12345678 vipps: NOK

                """)
    }

    func testRemovedAccountSaysWhatItHad() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("account remove T12345678 --yes")
        let at = try times(1)
        assertRun(
            cli.run("history --limit 1"), status: 0,
            stdout: """
                \(at[0])  tester  checkout-admin account remove T12345678 --yes
                  - account T12345678 (2 settings, 1 method, 1 profile)

                """)
    }

    func testAddedAccountCountsWhatTheSameWriteAddedAndOneWriteIsOneHeader() throws {
        cli.succeed("account add T11111111")
        let path = cli.file(
            "state.json",
            """
            {"format_version": "1", "accounts": [
              {"account_id": "T11111111", "settings": {"name": "One"}, "payment_methods": [], "profiles": []},
              {"account_id": "T87654321", "settings": {"name": "Shop"},
               "payment_methods": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}],
               "profiles": [{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}]}
            ]}
            """)
        XCTAssertEqual(cli.run(["apply", path]).status, 0)
        let at = try times(1)
        assertRun(
            cli.run("history --limit 5"), status: 0,
            stdout: """
                \(at[0])  tester  checkout-admin apply \(path)
                  + settings T11111111 name: 'One'
                  + account T87654321 (1 setting, 1 method, 1 profile)
                  + settings T87654321 name: 'Shop'
                  + method T87654321 dintero_psp.creditcard: NOK
                  + profile T87654321 web: offers dintero_psp.creditcard

                """)
    }

    func testJSONStillHasTheWholeBeforeAndAfter() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        let entry = try XCTUnwrap(
            try JSONValue(parsing: cli.run("history --json --limit 1").stdout)["entries"]?.arrayValue?.first)
        XCTAssertEqual(
            entry["before"],
            .object(["type": .string("dintero_psp.creditcard"), "currencies": .array([.string("NOK")])]))
        XCTAssertEqual(
            entry["after"],
            .object([
                "type": .string("dintero_psp.creditcard"), "currencies": .array([.string("NOK"), .string("SEK")]),
            ]))
    }

    func testSignsAreColouredAndHeadersBoldOnATerminal() throws {
        cli.succeed("account add T12345678")
        let at = try times(1)
        let result = cli.run(["history"], terminal: true)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(
            result.stdout,
            "\u{1B}[1m\(at[0])  tester  checkout-admin account add T12345678\u{1B}[0m\n"
                + "  \u{1B}[32m+\u{1B}[0m account T12345678 (0 settings, 0 methods, 0 profiles)\n")
    }
}
