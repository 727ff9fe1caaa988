import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `profile set-option` and `profile unset-option`: a product's options, checked against Dintero's 2026 objects.
final class ProductOptionCommandsTests: CLITestCase {
    override func setUp() {
        super.setUp()
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
    }

    private func options(_ type: String) throws -> [[String]] {
        try cli.rows("SELECT options, enabled FROM profile_method WHERE type = '\(type)'")
    }

    private func assertRefused(
        _ arguments: [String], stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(
            cli.run(["profile"] + arguments), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(cli.storeBytes(), before, "a refused command writes nothing", file: file, line: line)
    }

    private func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) {
        let result = cli.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    func testSetOptionStoresTheJSONValue() throws {
        assertRun(
            cli.run("profile set-option T12345678 web dintero_psp.creditcard generate_payment_token=true"), status: 0,
            stderr: "~ profile T12345678 web: options of dintero_psp.creditcard\n")
        XCTAssertEqual(try options("dintero_psp.creditcard"), [[#"{"generate_payment_token":true}"#, "1"]])
    }

    func testSetOptionTakesSeveralPairsAtOnce() throws {
        succeed([
            "profile", "set-option", "T12345678", "web", "dintero_psp.creditcard", "generate_payment_token=true",
            #"sca_policy={"network_exemptions":{"low_value":true}}"#,
        ])
        XCTAssertEqual(
            try options("dintero_psp.creditcard"),
            [[#"{"generate_payment_token":true,"sca_policy":{"network_exemptions":{"low_value":true}}}"#, "1"]])
    }

    func testSetOptionOnAProductTheProfileLacksKeepsItDisabled() throws {
        assertRun(
            cli.run(["profile", "set-option", "T12345678", "web", "vipps", #"dynamic_descriptor="SHOP""#]), status: 0,
            stderr: "~ profile T12345678 web: disabled vipps\n")
        XCTAssertEqual(try options("vipps"), [[#"{"dynamic_descriptor":"SHOP"}"#, "0"]])
    }

    func testProfileShowListsDisabledProductsApartFromWhatItOffers() {
        succeed(["profile", "set-option", "T12345678", "web", "vipps", #"dynamic_descriptor="SHOP""#])
        let show = cli.succeed("profile show T12345678 web").stdout
        XCTAssertTrue(show.hasSuffix("offers: dintero_psp.creditcard\ndisabled: vipps\n"), show)
    }

    func testUnknownOptionIsRefusedWithASuggestion() {
        assertRefused(
            ["set-option", "T12345678", "web", "dintero_psp.creditcard", "generate_payment_tokn=true"],
            stderr: """
                error: unknown option 'generate_payment_tokn' for 'dintero_psp.creditcard'
                hint: did you mean 'generate_payment_token'?
                hint: options of 'dintero_psp.creditcard': generate_payment_token, generate_payment_token_config, sca_policy, token_supported_auth_methods

                """)
    }

    func testAValueOfTheWrongTypeIsRefused() {
        assertRefused(
            ["set-option", "T12345678", "web", "dintero_psp.creditcard", #"generate_payment_token="yes""#],
            stderr:
                "error: invalid value for option 'generate_payment_token' of 'dintero_psp.creditcard': expected true or false\n"
        )
    }

    func testAValueThatIsNotJSONIsRefusedWithAHint() {
        let result = cli.run("profile set-option T12345678 web vipps dynamic_descriptor=SHOP")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("error: invalid JSON for option 'dynamic_descriptor': "), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: values are JSON"), result.stderr)
    }

    func testEnabledCannotBeSetAsAnOption() {
        assertRefused(
            ["set-option", "T12345678", "web", "dintero_psp.creditcard", "enabled=false"],
            stderr: """
                error: option 'enabled' cannot be edited
                hint: 'enabled' follows whether the profile offers the type: use add-method or remove-method

                """)
    }

    func testAProductWithoutAProfileObjectIsRefused() {
        assertRefused(
            ["set-option", "T12345678", "web", "collector.installment_b2b_preapproved", "countries=[]"],
            stderr: """
                error: payment type 'collector.installment_b2b_preapproved' has no product object in a profile
                hint: it can be an account method and a default, but Dintero's profile schema has no place for it

                """)
    }

    func testForeignClickToPayIsAPolicyViolation() {
        let result = cli.run("profile set-option T12345678 web payex.clicktopay generate_payment_token=true --json")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix(#"{"error":{"code":"policy_violation""#), result.stderr)
    }

    func testUnsetOptionOfARequiredOptionPutsBackItsDefault() throws {
        cli.succeed("profile set-option T12345678 web dintero_psp.creditcard generate_payment_token=true")
        cli.succeed("profile unset-option T12345678 web dintero_psp.creditcard generate_payment_token")
        XCTAssertEqual(try options("dintero_psp.creditcard"), [["{}", "1"]])
        let exported = try JSONValue(parsing: cli.succeed("profile export T12345678 web").stdout)
        XCTAssertEqual(
            exported["configuration"]?["dintero_psp"]?["creditcard"],
            .object(["enabled": .bool(true), "generate_payment_token": .bool(false)]))
    }

    func testUnsetOptionOnAProductTheProfileLacksChangesNothing() {
        let before = cli.storeBytes()
        assertRun(
            cli.run("profile unset-option T12345678 web dintero_psp.googlepay generate_payment_token"), status: 0,
            stderr: "no changes\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testUnsettingTheLabelsOfAnOfferedExternalIsRefused() {
        cli.succeed("method enable T12345678 dintero.external")
        let labels = #"display={"button_label":"Pay","payment_method_label":"Invoice"}"#
        XCTAssertEqual(cli.run(["profile", "set-option", "T12345678", "web", "dintero.external", labels]).status, 0)
        cli.succeed("profile add-method T12345678 web dintero.external")
        assertRefused(
            ["unset-option", "T12345678", "web", "dintero.external", "display"],
            stderr: """
                error: refused: profile 'web' of account 'T12345678' has 'dintero.external' without display.button_label and display.payment_method_label, which Dintero requires (product-options-missing)
                hint: checkout-admin profile set-option T12345678 web dintero.external 'display={"button_label":"Pay","payment_method_label":"Invoice"}'

                """)
    }

    func testSetOptionIsRecordedInTheHistory() throws {
        cli.succeed("profile set-option T12345678 web dintero_psp.creditcard generate_payment_token=true")
        XCTAssertEqual(
            try cli.rows("SELECT command, kind, object_id FROM history ORDER BY seq DESC LIMIT 1"),
            [
                [
                    "checkout-admin profile set-option T12345678 web dintero_psp.creditcard generate_payment_token=true",
                    "profile", "web",
                ]
            ])
    }
}
