import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain

/// Click to Pay where it can be shown: its currencies against the card method's, and the profile's channel.
final class ClickToPayCurrencyTests: CLITestCase {
    /// A card account in NOK and SEK whose customer email is known, with a card profile `webshop`.
    private func makeShop() {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
    }

    /// The findings `audit --json` gives for `rule`.
    private func findings(_ rule: AuditRule, file: StaticString = #filePath, line: UInt = #line) throws
        -> [[String: Any]]
    {
        let result = cli.run("--json audit")
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], file: file,
            line: line)
        let all = try XCTUnwrap(document["findings"] as? [[String: Any]], file: file, line: line)
        return all.filter { $0["rule"] as? String == rule.rawValue }
    }

    /// Runs the first command of the finding's hint as printed, and asserts that it succeeds and that the
    /// finding is gone afterwards.
    private func assertFixRemoves(_ rule: AuditRule, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try findings(rule, file: file, line: line)
        XCTAssertEqual(found.count, 1, "findings of \(rule.rawValue)", file: file, line: line)
        let hint = try XCTUnwrap(found.first?["hint"] as? String, file: file, line: line)
        let command = String(hint.split(separator: " (or ").first ?? "")
        XCTAssertTrue(command.hasPrefix("checkout-admin "), hint, file: file, line: line)
        let words = command.split(separator: " ").dropFirst().map(String.init)
        let result = cli.run(words)
        XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(try findings(rule, file: file, line: line).count, 0, command, file: file, line: line)
    }

    // MARK: ctp-currency-without-card

    func testEnableWithACurrencyTheCardMethodLacksIsRefusedNamingTheCommandThatAddsIt() {
        makeShop()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 --currency EUR --currency NOK"), status: 3,
            stderr: """
                error: account 'T12345678': 'dintero_psp.creditcard' lacks EUR, so Click to Pay could never be shown there
                hint: add them to the card method first: checkout-admin method enable T12345678 dintero_psp.creditcard --currency EUR --currency NOK --currency SEK

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testTheRefusalsHintRunAsPrintedLetsTheEnableThrough() {
        makeShop()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK --currency EUR")
        assertRun(
            cli.run("clicktopay enable T12345678 --currency EUR --currency NOK --currency SEK"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: EUR, NOK, SEK
                ~ profile T12345678 webshop: offers dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard

                """)
    }

    func testClickToPayInACurrencyTheCardLacksIsAnErrorWhoseFixRemovesIt() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        try sql("UPDATE payment_method SET currencies = 'NOK,EUR' WHERE type = 'dintero_psp.clicktopay'")
        let found = try findings(.ctpCurrencyWithoutCard)
        XCTAssertEqual(found.first?["severity"] as? String, "error")
        XCTAssertEqual(
            found.first?["message"] as? String,
            "account 'T12345678' offers Click to Pay in EUR, which 'dintero_psp.creditcard' lacks; it can never be shown there"
        )
        XCTAssertEqual(
            found.first?["hint"] as? String,
            "checkout-admin method enable T12345678 dintero_psp.creditcard --currency EUR --currency NOK --currency SEK (or checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK)"
        )
        try assertFixRemoves(.ctpCurrencyWithoutCard)
    }

    func testRemovingACurrencyFromTheCardMethodThatClickToPayUsesIsRefused() {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOK"), status: 3,
            stderr: """
                error: refused: account 'T12345678' offers Click to Pay in SEK, which 'dintero_psp.creditcard' lacks; it can never be shown there (ctp-currency-without-card)
                hint: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK (or checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK)

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: ctp-currency-missing

    func testClickToPayLackingACardCurrencyIsAWarningWhoseFixReSyncsIt() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678 --currency NOK")
        let found = try findings(.ctpCurrencyMissing)
        XCTAssertEqual(found.first?["severity"] as? String, "warning")
        XCTAssertEqual(
            found.first?["message"] as? String,
            "account 'T12345678' offers 'dintero_psp.creditcard' in SEK but Click to Pay lacks them")
        XCTAssertEqual(
            found.first?["hint"] as? String,
            "checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK --currency SEK")
        try assertFixRemoves(.ctpCurrencyMissing)
        XCTAssertEqual(
            try cli.rows("SELECT currencies FROM payment_method WHERE type = 'dintero_psp.clicktopay'"), [["NOK,SEK"]])
    }

    func testEnablingTheCardMethodWithANewCurrencySaysWhatClickToPayNowLacks() {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK --currency EUR"),
            status: 0,
            stderr: """
                ~ method T12345678 dintero_psp.creditcard: NOK, SEK → EUR, NOK, SEK
                  warning ctp-currency-missing: account 'T12345678' offers 'dintero_psp.creditcard' in EUR but Click to Pay lacks them
                           fix: checkout-admin method enable T12345678 dintero_psp.clicktopay --currency EUR --currency NOK --currency SEK

                """)
    }

    func testWideningAnOldLackSaysWhatClickToPayNowLacksToo() {
        makeShop()
        cli.succeed("clicktopay enable T12345678 --currency NOK")
        // ctp-currency-missing (SEK) is the account's old finding: the note says what the change adds to it.
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK --currency EUR"),
            status: 0,
            stderr: """
                ~ method T12345678 dintero_psp.creditcard: NOK, SEK → EUR, NOK, SEK
                Click to Pay on account 'T12345678' lacks EUR, which 'dintero_psp.creditcard' now has; re-sync it: checkout-admin method enable T12345678 dintero_psp.clicktopay --currency EUR --currency NOK --currency SEK

                """)
    }

    func testEnablingTheCardMethodWithoutClickToPaySaysNothingMore() {
        makeShop()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK --currency EUR"),
            status: 0,
            stderr: "~ method T12345678 dintero_psp.creditcard: NOK, SEK → EUR, NOK, SEK\n")
    }

    func testStatusShowsTheCurrencyPicture() {
        makeShop()
        cli.succeed("clicktopay enable T12345678 --currency NOK")
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay on (NOK)
                  currencies: Click to Pay NOK; dintero_psp.creditcard NOK, SEK (Click to Pay lacks SEK)
                  offered by: webshop (explicit)
                  card profiles without it: -
                  customer email known: yes (checkout_express)
                  warning ctp-currency-missing: account 'T12345678' offers 'dintero_psp.creditcard' in SEK but Click to Pay lacks them
                           fix: checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK --currency SEK

                """)
    }

    func testStatusJSONGivesBothMethodsCurrencies() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678 --currency NOK")
        try sql("UPDATE payment_method SET currencies = 'NOK,EUR' WHERE type = 'dintero_psp.clicktopay'")
        let result = cli.run("--json clicktopay status T12345678")
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let account = try XCTUnwrap((document["accounts"] as? [[String: Any]])?.first)
        XCTAssertEqual(account["currencies"] as? [String], ["NOK", "EUR"])
        XCTAssertEqual(account["card_currencies"] as? [String], ["NOK", "SEK"])
        XCTAssertEqual(account["currencies_missing"] as? [String], ["SEK"])
        XCTAssertEqual(account["currencies_without_card"] as? [String], ["EUR"])
    }

    // MARK: ctp-channel

    func testAnInStoreProfileOfferingClickToPayIsAWarningWhoseFixRemovesIt() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        cli.succeed(
            "profile add T12345678 till --channel in_store --method dintero_psp.creditcard --method dintero_psp.clicktopay"
        )
        let found = try findings(.ctpChannel)
        XCTAssertEqual(found.first?["severity"] as? String, "warning")
        XCTAssertEqual(
            found.first?["message"] as? String,
            "profile 'till' of account 'T12345678' offers Click to Pay on channel in_store, which has no hosted checkout to show it in"
        )
        try assertFixRemoves(.ctpChannel)
        XCTAssertEqual(try findings(.ctpMissingFromProfile).count, 0)
    }

    func testEnableLeavesInStoreProfilesOutUnlessNamed() throws {
        makeShop()
        cli.succeed("profile add T12345678 till --channel in_store --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
        XCTAssertEqual(
            try cli.rows("SELECT profile_id FROM profile_method WHERE type = 'dintero_psp.clicktopay'"), [["webshop"]])
        XCTAssertEqual(try findings(.ctpChannel).count, 0)
    }

    func testAnInAppProfileOfferingClickToPayWithoutTheSessionEmailIsAWarningWhoseFixRemovesIt() throws {
        makeShop()
        cli.succeed("profile add T12345678 app --channel in_app --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
        let found = try findings(.ctpChannel)
        XCTAssertEqual(
            found.first?["message"] as? String,
            "profile 'app' of account 'T12345678' offers Click to Pay on channel in_app, which has no Checkout Express, so the customer's email must come from the session"
        )
        XCTAssertEqual(
            found.first?["hint"] as? String, "checkout-admin settings set T12345678 session_customer_email=true")
        try assertFixRemoves(.ctpChannel)
    }

    func testAnInAppProfileThroughActivePaymentTypesIsCoveredToo() throws {
        makeShop()
        cli.succeed("profile add T12345678 app --channel in_app --all-active")
        cli.succeed("clicktopay enable T12345678")
        XCTAssertEqual(try findings(.ctpChannel).first?["profile"] as? String, "app")
        try assertFixRemoves(.ctpChannel)
    }

    func testTheNewRulesAreInTheRuleListWithTheirSeverities() {
        XCTAssertEqual(AuditRule.ctpCurrencyWithoutCard.severity, .error)
        XCTAssertEqual(AuditRule.ctpCurrencyMissing.severity, .warning)
        XCTAssertEqual(AuditRule.ctpChannel.severity, .warning)
        XCTAssertTrue(AuditRule.ctpChannel.isClickToPayRule)
    }
}
