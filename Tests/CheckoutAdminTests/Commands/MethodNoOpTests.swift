import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `method enable` of an enabled method without `--currency` keeps its currencies; `method disable` of a method
/// that is not enabled is a no-op, like `profile remove-method` of a type the profile does not offer.
final class MethodNoOpTests: CLITestCase {
    private func makeCardAndVippsAccount() {
        makeCardAccount()
        cli.succeed("method enable T12345678 bambora.creditcard --currency SEK --currency DKK")
        cli.succeed("method enable T12345678 vipps --currency NOK")
    }

    func testReEnablingWithoutCurrencyKeepsTheCurrenciesAndSaysSo() throws {
        makeCardAndVippsAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 vipps"), status: 0,
            stderr: "'vipps' is already enabled on 'T12345678'; currencies unchanged: NOK\n")
        XCTAssertEqual(try cli.rows("SELECT currencies FROM payment_method WHERE type = 'vipps'"), [["NOK"]])
        XCTAssertEqual(cli.storeBytes(), before, "a no-op writes nothing, not even history")
    }

    func testReEnablingWithoutCurrencyIsAnEmptyChangeDocumentInJSON() throws {
        makeCardAndVippsAccount()
        let result = cli.run("method enable T12345678 vipps --json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout),
            .object([
                "format_version": .string("1"), "changes": .array([]), "findings": .array([]),
                "summary": .object(["add": .number("0"), "change": .number("0"), "remove": .number("0")]),
            ]))
    }

    func testReEnablingWithoutCurrencyIsSilentWithQuiet() {
        makeCardAndVippsAccount()
        assertRun(cli.run("method enable T12345678 vipps --quiet"), status: 0)
    }

    func testANewMethodWithoutCurrencyStillTakesTheAccountsUnion() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 bambora.creditcard --currency SEK")
        assertRun(cli.run("method enable T12345678 vipps"), status: 0, stderr: "+ method T12345678 vipps: NOK, SEK\n")
        XCTAssertEqual(try cli.rows("SELECT currencies FROM payment_method WHERE type = 'vipps'"), [["NOK,SEK"]])
    }

    func testDisablingATypeThatIsNotEnabledChangesNothingAndSaysSo() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("method disable T12345678 vipps"), status: 0,
            stderr: "no changes: 'vipps' is not enabled on account 'T12345678'\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testDisablingATypeThatIsNotEnabledIsAnEmptyChangeDocumentInJSONAsRemoveMethodIs() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let disable = cli.run("method disable T12345678 vipps --json")
        let removeMethod = cli.run("profile remove-method T12345678 web vipps --json")
        XCTAssertEqual(disable.status, 0)
        XCTAssertEqual(disable.stderr, "")
        XCTAssertEqual(disable.stdout, removeMethod.stdout)
        XCTAssertEqual(try JSONValue(parsing: disable.stdout)["changes"], .array([]))
    }

    func testDisablingAnUnknownTypeIsStillRefused() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("method disable T12345678 vipp"), status: 3,
            stderr:
                "error: unknown payment type 'vipp'\nhint: did you mean 'vipps'?\nhint: see 'checkout-admin method types' for the catalogue\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testDisablingOnAMissingAccountIsStillNotFound() {
        makeCardAccount()
        let result = cli.run("method disable T99999999 vipps")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("error: account 'T99999999' not found"), result.stderr)
    }
}
