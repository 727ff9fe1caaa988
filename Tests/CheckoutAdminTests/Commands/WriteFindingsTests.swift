import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain

/// Every write reports the audit findings its change creates — on stderr, and as `findings` with `--json` — and
/// only those, not the account's old ones.
final class WriteFindingsTests: CLITestCase {
    /// Cards and Click to Pay in NOK, the email known through Checkout Express, a profile `webshop` offering both.
    private func makeClickToPayShop() {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
    }

    func testTurningCheckoutExpressOffReportsThatClickToPayCanNoLongerBeShown() {
        makeClickToPayShop()
        assertRun(
            cli.run("settings set T12345678 checkout_express=false"), status: 0,
            stderr: "~ settings T12345678 checkout_express: 'true' → 'false'\n" + emailUnknown)
    }

    func testUnsettingTheLogoReportsMerchantIncomplete() {
        makeClickToPayShop()
        assertRun(
            cli.run("settings unset T12345678 logo_url"), status: 0,
            stderr: "- settings T12345678 logo_url\n" + merchantIncomplete())
    }

    func testClickToPayAsADefaultIsReported() {
        makeClickToPayShop()
        assertRun(
            cli.run("profile set T12345678 webshop default_payment_type=dintero_psp.clicktopay"), status: 0,
            stderr: """
                ~ profile T12345678 webshop: offers dintero_psp.clicktopay, dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard; default dintero_psp.clicktopay
                  warning ctp-as-default: profile 'webshop' of account 'T12345678' has Click to Pay as its default; only enrolled customers with a known email see it
                           fix: checkout-admin profile set T12345678 webshop default_payment_type=dintero_psp.creditcard

                """)
    }

    func testEnablingTheClickToPayMethodAloneReportsTheProfilesLackingItAndPointsToClickToPayEnable() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRun(
            cli.run("method enable T12345678 dintero_psp.clicktopay"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: NOK
                  warning ctp-missing-from-profile: profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has
                           fix: checkout-admin clicktopay enable T12345678 --profile webshop

                """)
        cli.succeed("clicktopay enable T12345678 --profile webshop")
        assertRun(cli.run("audit --strict"), status: 0, stdout: "0 errors, 0 warnings in 1 account (1 profile)\n")
    }

    func testTheAccountsOldFindingsAreNotRepeated() {
        makeClickToPayShop()
        cli.succeed("settings unset T12345678 logo_url checkout_express")
        assertRun(
            cli.run(["settings", "set", "T12345678", "name=Other AS"]), status: 0,
            stderr: "~ settings T12345678 name: 'Example' → 'Other AS'\n")
    }

    func testAWriteWithoutNewFindingsHasAnEmptyFindingsArray() throws {
        makeClickToPayShop()
        let result = cli.run("settings set T12345678 country=NO --json")
        XCTAssertEqual(result.status, 0)
        let document = try JSONValue(parsing: result.stdout)
        guard case .object(let fields) = document else { return XCTFail(result.stdout) }
        XCTAssertEqual(fields["findings"], .array([]))
    }

    func testJSONCarriesTheCreatedFindingsInTheAuditShape() {
        makeClickToPayShop()
        assertRun(
            cli.run("settings unset T12345678 checkout_express --json"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "remove",
                      "after": null,
                      "before": true,
                      "id": "checkout_express",
                      "kind": "settings"
                    }
                  ],
                  "findings": [
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)",
                      "message": "account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown",
                      "payment_type": "dintero_psp.clicktopay",
                      "profile": null,
                      "rule": "ctp-email-unknown",
                      "severity": "warning"
                    }
                  ],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 0,
                    "remove": 1
                  }
                }

                """)
    }

    func testQuietSilencesTheFindingsLikeTheChangeLines() {
        makeClickToPayShop()
        assertRun(cli.run("settings set T12345678 checkout_express=false --quiet"), status: 0)
        XCTAssertEqual(try cli.rows("SELECT value FROM setting WHERE key = 'checkout_express'"), [["false"]])
    }

    func testFindingsOfSeveralAccountsAreReportedUnderTheirAccount() {
        makeCardAccount("T11111111")
        makeCardAccount("T22222222")
        assertRun(
            cli.run("clicktopay enable T11111111 T22222222"), status: 0,
            stderr: """
                T11111111: Click to Pay on (NOK)
                  warning ctp-email-unknown: account 'T11111111' offers Click to Pay but the customer's email is never known, so it would never be shown
                           fix: checkout-admin settings set T11111111 checkout_express=true (or session_customer_email=true)
                T22222222: Click to Pay on (NOK)
                  warning ctp-email-unknown: account 'T22222222' offers Click to Pay but the customer's email is never known, so it would never be shown
                           fix: checkout-admin settings set T22222222 checkout_express=true (or session_customer_email=true)
                Click to Pay on for 2 accounts: 2 changed, 0 unchanged

                """)
    }
}
