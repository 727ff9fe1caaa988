import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Every input document gives a boolean as `true`/`false` and text as a string: a boolean in quotes is refused the
/// same way for a setting and for a profile field, naming the field and the type expected.
final class JSONTypePolicyTests: CLITestCase {
    private func stateDocument(settings: String = "{}", profiles: String = "[]") -> String {
        cli.file(
            "state.json",
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": \#(settings), "payment_methods": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}], "profiles": \#(profiles)}]}"#
        )
    }

    func testApplyRefusesCheckoutExpressInQuotes() {
        assertRun(
            cli.run(["apply", stateDocument(settings: #"{"checkout_express": "true"}"#)]), status: 3,
            stderr: """
                error: invalid state document at '$.accounts[0].settings.checkout_express': expected true or false, found string "true"
                hint: write true without quotes: a string is not a boolean

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testApplyRefusesAutoCaptureInQuotesTheSameWay() {
        let profile =
            #"{"profile_id": "web", "configuration": {"auto_capture": "true", "dintero_psp": {"creditcard": {"enabled": true}}}}"#
        assertRun(
            cli.run(["apply", stateDocument(profiles: "[\(profile)]")]), status: 3,
            stderr: """
                error: invalid profile at '$.accounts[0].profiles[0].configuration.auto_capture': expected true or false, found string "true"
                hint: write true without quotes: a string is not a boolean

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testApplyRefusesANumberForAMerchantCategoryCodeNamingTheNumber() {
        assertRun(
            cli.run(["apply", stateDocument(settings: #"{"merchant_category_code": 5812}"#)]), status: 3,
            stderr:
                "error: invalid state document at '$.accounts[0].settings.merchant_category_code': expected a string, found number 5812\n"
        )
    }

    func testAccountImportRefusesANumberForAPostalCodeNamingThePath() {
        let document = cli.file(
            "checkout.json",
            #"{"configuration": {"merchant": {"name": "Example", "postal_code": 150}, "payment_options": []}}"#)
        assertRun(
            cli.run(["account", "import", "T12345678", document]), status: 3,
            stderr:
                "error: invalid checkout configuration at '$.configuration.merchant.postal_code': expected a string, found number 150\n"
        )
    }

    func testApplyAcceptsRealBooleansForBoth() throws {
        let profile =
            #"{"profile_id": "web", "configuration": {"auto_capture": true, "dintero_psp": {"creditcard": {"enabled": true}}}}"#
        let result = cli.run(
            ["apply", stateDocument(settings: #"{"checkout_express": true}"#, profiles: "[\(profile)]")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try cli.rows("SELECT key, value FROM setting"), [["checkout_express", "true"]])
        XCTAssertEqual(try cli.rows("SELECT auto_capture FROM profile"), [["1"]])
    }
}
