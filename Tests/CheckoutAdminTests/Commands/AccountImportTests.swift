import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `account import` and the `details` it brings in: GET /v1/admin/checkout → settings and methods, and back out
/// through `account export`, `dump` and `apply`.
final class AccountImportTests: CLITestCase {
    private let checkoutGet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dintero/checkout-get.json").path

    private func assertRefused(
        _ arguments: [String], stdin: String = "", stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(cli.run(arguments, stdin: stdin), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(cli.storeBytes(), before, "a refused import writes nothing", file: file, line: line)
    }

    private func importBody(_ body: String, into account: String, file: StaticString = #filePath, line: UInt = #line) {
        let result = cli.run(["account", "import", account, "-"], stdin: body)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    func testImportSetsMerchantSettingsAndMethodsWithTheirDetails() throws {
        cli.succeed("account import T12345678 \(checkoutGet)")
        XCTAssertEqual(
            try cli.rows("SELECT key, value FROM setting WHERE key IN ('name', 'logo_url', 'country') ORDER BY key"),
            [["country", "NO"], ["logo_url", "https://example.com/logo.png"], ["name", "Example AS"]])
        XCTAssertEqual(
            try cli.rows("SELECT currencies, details FROM payment_method WHERE type = 'dintero_psp.applepay'"),
            [
                [
                    "NOK",
                    #"{"applepay_merchant_id":"merchant.com.example","domain_names":["example.com","shop.example.com"]}"#,
                ]
            ])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method"), [["14"]])
    }

    func testImportCreatesAMissingAccount() {
        let body =
            #"{"configuration": {"merchant": {"name": "Shop", "logo_url": "https://example.com/l.png"}, "payment_options": [{"type": "vipps", "currencies": ["NOK"]}]}}"#
        assertRun(
            cli.run(["account", "import", "P12345678", "-"], stdin: body), status: 0,
            stderr: """
                + account P12345678
                + settings P12345678 logo_url: 'https://example.com/l.png'
                + settings P12345678 name: 'Shop'
                + method P12345678 vipps: NOK

                """)
    }

    func testImportKeepsSettingsDinteroDoesNotKnowAndTheProfiles() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("account import T12345678 \(checkoutGet)")
        XCTAssertEqual(try cli.rows("SELECT value FROM setting WHERE key = 'checkout_express'"), [["true"]])
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile"), [["web"]])
    }

    func testImportReplacesMerchantSettingsTheDocumentLacks() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 website=https://old.example.com")
        let body =
            #"{"configuration": {"merchant": {"name": "Shop", "logo_url": "https://example.com/l.png"}, "payment_options": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}]}}"#
        importBody(body, into: "T12345678")
        XCTAssertEqual(try cli.rows("SELECT key FROM setting ORDER BY key"), [["logo_url"], ["name"]])
    }

    func testImportThenExportGivesBackTheBodyWithoutReadOnlyFields() throws {
        cli.succeed("account import T12345678 \(checkoutGet)")
        let exported = try JSONValue(parsing: cli.succeed("account export T12345678").stdout)
        var original = try JSONValue(parsing: String(contentsOfFile: checkoutGet, encoding: .utf8)).objectValue ?? [:]
        original["created_by"] = nil
        original["updated_at"] = nil
        var configuration = original["configuration"]?.objectValue ?? [:]
        configuration["payout"] = nil
        // The export sorts payment options by type; the response lists them in Dintero's order.
        let options = configuration["payment_options"]?.arrayValue ?? []
        configuration["payment_options"] = .array(
            options.sorted { ($0["type"]?.stringValue ?? "") < ($1["type"]?.stringValue ?? "") })
        original["configuration"] = .object(configuration)
        XCTAssertEqual(exported.prettyText(), JSONValue.object(original).prettyText())
    }

    func testImportOfAnExportIsByteStable() {
        cli.succeed("account import T12345678 \(checkoutGet)")
        let first = cli.succeed("account export T12345678").stdout
        importBody(first, into: "T87654321")
        XCTAssertEqual(cli.succeed("account export T87654321").stdout, first)
    }

    func testSecondImportOfTheSameDocumentChangesNothing() {
        cli.succeed("account import T12345678 \(checkoutGet)")
        let before = cli.storeBytes()
        assertRun(
            cli.run("account import T12345678 \(checkoutGet)"), status: 0,
            stderr: "no changes: account 'T12345678' is already as in '\(checkoutGet)'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testDumpCarriesDetailsAndApplyingTheDumpIsANoOp() throws {
        cli.succeed("account import T12345678 \(checkoutGet)")
        let dump = cli.succeed("dump").stdout
        let methods = try JSONValue(parsing: dump)["accounts"]?.arrayValue?.first?["payment_methods"]?.arrayValue
        XCTAssertEqual(
            methods?.first { $0["type"] == .string("dintero_psp.googlepay") }?["details"],
            .object(["googlepay_merchant_id": .string("BCR2DN4T7XYZ")]))
        let before = cli.storeBytes()
        assertRun(cli.run(["apply", "-"], stdin: dump), status: 0, stdout: "No changes.\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testApplyChangesDetailsAsAMethodChange() throws {
        cli.succeed("account import T12345678 \(checkoutGet)")
        let dump = cli.succeed("dump").stdout.replacingOccurrences(of: "BCR2DN4T7XYZ", with: "BCR2DN4NEWID")
        let result = cli.run(["apply", "-"], stdin: dump)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            "~ method T12345678 dintero_psp.googlepay: NOK with details → NOK with details\n"
                + "Plan: 0 to add, 1 to change, 0 to remove.\n")
        XCTAssertEqual(
            try cli.rows("SELECT details FROM payment_method WHERE type = 'dintero_psp.googlepay'"),
            [[#"{"googlepay_merchant_id":"BCR2DN4NEWID"}"#]])
    }

    func testDisablingAMethodForgetsItsDetails() throws {
        cli.succeed("account import T12345678 \(checkoutGet)")
        cli.succeed("method disable T12345678 dintero_psp.googlepay")
        cli.succeed("method enable T12345678 dintero_psp.googlepay --currency NOK")
        XCTAssertEqual(
            try cli.rows("SELECT details FROM payment_method WHERE type = 'dintero_psp.googlepay'"), [["NULL"]])
    }

    func testImportThatRemovesAMethodAProfileOffersChangesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let body =
            #"{"configuration": {"merchant": {"name": "Shop", "logo_url": "https://example.com/l.png"}, "payment_options": [{"type": "vipps", "currencies": ["NOK"]}]}}"#
        assertRefused(
            ["account", "import", "T12345678", "-"], stdin: body,
            stderr: """
                error: refused: profile 'web' offers 'dintero_psp.creditcard' but account 'T12345678' has not enabled it (method-not-on-account)
                hint: checkout-admin method enable T12345678 dintero_psp.creditcard

                """)
    }

    func testImportOfAnUnknownMerchantFieldIsRefusedWithItsPath() {
        let body = #"{"configuration": {"merchant": {"name": "Shop", "logo_ur": "x"}, "payment_options": []}}"#
        assertRefused(
            ["account", "import", "T12345678", "-"], stdin: body,
            stderr: """
                error: unknown merchant field 'logo_ur' at '$.configuration.merchant.logo_ur'
                hint: did you mean 'logo_url'?
                hint: fields here are: name, logo_url, website, email, phone_number, country, merchant_category_code, platform_type, address_line, address_line_2, postal_code, postal_place

                """)
    }

    func testImportOfAnInvalidCurrencyIsRefusedWithItsPath() {
        let body = #"{"configuration": {"payment_options": [{"type": "vipps", "currencies": ["nok"]}]}}"#
        assertRefused(
            ["account", "import", "T12345678", "-"], stdin: body,
            stderr: """
                error: invalid currency 'nok' at '$.configuration.payment_options[0].currencies'
                hint: did you mean 'NOK'?
                hint: a currency is an ISO 4217 code in upper case, e.g. NOK

                """)
    }

    func testImportOfPayexClickToPayIsAPolicyViolation() {
        let body = #"{"configuration": {"payment_options": [{"type": "payex.clicktopay", "currencies": ["NOK"]}]}}"#
        let before = cli.storeBytes()
        let result = cli.run(["account", "import", "T12345678", "-", "--json"], stdin: body)
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix(#"{"error":{"code":"policy_violation""#), result.stderr)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testImportOfADocumentWithoutPaymentOptionsIsRefused() {
        assertRefused(
            ["account", "import", "T12345678", "-"], stdin: #"{"configuration": {"merchant": {}}}"#,
            stderr:
                "error: invalid checkout configuration at '$.configuration': 'payment_options' is missing\n")
    }
}
