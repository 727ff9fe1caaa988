import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// ISO 4217 codes that are not payment currencies (`XXX`, `XTS`, precious metals, units of account) are refused
/// wherever a currency is accepted.
final class CurrencyPolicyTests: CLITestCase {
    func testEveryNonPaymentCodeIsInTheListButNotAPaymentCurrency() {
        let codes = ["XAD", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"]
        XCTAssertEqual(CurrencyCode.nonPayment.keys.sorted(), codes)
        for code in codes {
            XCTAssertTrue(CurrencyCode.current.contains(code), code)
            XCTAssertNil(CurrencyCode(code), code)
        }
        for code in ["XAF", "XOF", "XPF", "XCD", "XCG", "NOK"] { XCTAssertNotNil(CurrencyCode(code), code) }
    }

    func testMethodEnableRefusesGoldNamingWhatTheCodeIs() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 vipps --currency NOK --currency XAU"), status: 3,
            stderr: """
                error: currency 'XAU' is not a payment currency: it is the ISO 4217 code for gold
                hint: a currency is one payments are made in, e.g. NOK, EUR or USD

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testMethodEnableRefusesTheTestingCodeInJSON() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("method enable T12345678 vipps --currency XTS --json"), status: 3,
            stderr:
                #"{"error":{"code":"invalid_value","exit_code":3,"hint":"a currency is one payments are made in, e.g. NOK, EUR or USD","message":"currency 'XTS' is not a payment currency: it is the ISO 4217 code for testing"}}"#
                + "\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method"), [["0"]])
    }

    func testACurrencyWithASpaceIsRefusedSuggestingTheTrimmedCode() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run(["method", "enable", "T12345678", "vipps", "--currency", "NOK "]), status: 3,
            stderr: """
                error: invalid currency 'NOK '
                hint: did you mean 'NOK'?
                hint: a currency is an ISO 4217 code in upper case, e.g. NOK

                """)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method"), [["0"]])
    }

    func testClickToPayEnableRefusesTheNoCurrencyCode() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 --currency XXX"), status: 3,
            stderr: """
                error: currency 'XXX' is not a payment currency: it is the ISO 4217 code for no currency
                hint: a currency is one payments are made in, e.g. NOK, EUR or USD

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testApplyRefusesSpecialDrawingRightsNamingThePath() throws {
        let document = cli.file(
            "state.json",
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": ["NOK", "XDR"]}], "profiles": []}]}"#
        )
        assertRun(
            cli.run(["apply", document]), status: 3,
            stderr: """
                error: currency 'XDR' is not a payment currency at '$.accounts[0].payment_methods[0].currencies': it is the ISO 4217 code for the IMF's special drawing right
                hint: a currency is one payments are made in, e.g. NOK, EUR or USD

                """)
        XCTAssertNil(cli.storeBytes(), "a refused first write creates no store")
    }

    func testAccountImportRefusesPlatinum() throws {
        let document = cli.file(
            "checkout.json",
            #"{"configuration": {"merchant": {"name": "Example"}, "payment_options": [{"type": "vipps", "currencies": ["XPT"]}]}}"#
        )
        assertRun(
            cli.run(["account", "import", "T12345678", document]), status: 3,
            stderr: """
                error: currency 'XPT' is not a payment currency at '$.configuration.payment_options[0].currencies': it is the ISO 4217 code for platinum
                hint: a currency is one payments are made in, e.g. NOK, EUR or USD

                """)
        XCTAssertNil(cli.storeBytes(), "a refused first write creates no store")
    }

    func testAuditFindsSilverWrittenWithRawSQLAsAnInvalidCurrency() throws {
        makeCardAccount()
        try sql("UPDATE payment_method SET currencies = 'NOK,XAG' WHERE type = 'dintero_psp.creditcard'")
        let result = cli.run("audit T12345678 --json")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stdout.contains(
                #""message": "method 'dintero_psp.creditcard' on account 'T12345678' has invalid currency 'XAG'""#),
            result.stdout)
    }
}
