import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// One whitespace policy for free text (names, address lines, descriptions): stored exactly as given, so leading
/// or trailing whitespace — and a value that is only whitespace — is refused wherever it comes in, with the
/// trimmed value as the hint when that one is valid.
final class WhitespacePolicyTests: CLITestCase {
    private let trimHint = "hint: leading and trailing whitespace is not allowed: did you mean"

    func testSettingsSetRefusesANameWithALeadingSpaceSuggestingTheTrimmedOne() throws {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run(["settings", "set", "T12345678", "name= Padded"]), status: 3,
            stderr: "error: invalid value ' Padded' for setting 'name'\n\(trimHint) 'Padded'?\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testSettingsSetRefusesAWhitespaceOnlyPostalPlace() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run(["settings", "set", "T12345678", "postal_place=\u{A0} "]), status: 3,
            stderr: """
                error: invalid value '\u{A0} ' for setting 'postal_place'
                hint: postal_place must be text of at most 200 characters, without leading or trailing whitespace

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testSettingsSetKeepsInnerSpacesAsGiven() throws {
        makeCardAccount()
        cli.run(["settings", "set", "T12345678", "address_line=Storgata  1"])
        XCTAssertEqual(
            try cli.rows("SELECT value FROM setting WHERE key = 'address_line'"), [["Storgata  1"]])
    }

    func testACodeWithATrailingSpaceGetsTheTrimmedCodeAsHint() {
        makeCardAccount()
        assertRun(
            cli.run(["settings", "set", "T12345678", "country=NO "]), status: 3,
            stderr: "error: invalid value 'NO ' for setting 'country'\n\(trimHint) 'NO'?\n")
    }

    func testAccountAddRefusesANameWithATrailingSpaceAndCreatesNothing() {
        assertRun(
            cli.run(["account", "add", "T12345678", "--name", "Example AS "]), status: 3,
            stderr: "error: invalid value 'Example AS ' for setting 'name'\n\(trimHint) 'Example AS'?\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testProfileAddRefusesAWhitespaceOnlyDescription() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run(["profile", "add", "T12345678", "web", "--method", "dintero_psp.creditcard", "--description", "  "]
            ),
            status: 3,
            stderr: """
                error: invalid description '  '
                hint: a description is at most 1000 characters, without control characters or leading or trailing whitespace

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testProfileSetRefusesADescriptionEndingInANewline() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run(["profile", "set", "T12345678", "web", "description=Web shop\n"]), status: 3,
            stderr: "error: invalid description 'Web shop\\u{a}'\n\(trimHint) 'Web shop'?\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testProfileSetWithAnEmptyDescriptionStillClearsIt() throws {
        makeCardAccount()
        cli.run(["profile", "add", "T12345678", "web", "--method", "dintero_psp.creditcard", "--description", "Web"])
        cli.succeed("profile set T12345678 web description=")
        XCTAssertEqual(try cli.rows("SELECT description IS NULL FROM profile"), [["1"]])
    }

    func testApplyRefusesAPaddedNameNamingThePath() {
        let document = cli.file(
            "state.json",
            #"{"format_version": "1", "accounts": [{"account_id": "T12345678", "settings": {"name": "Example AS "}, "payment_methods": [], "profiles": []}]}"#
        )
        assertRun(
            cli.run(["apply", document]), status: 3,
            stderr: """
                error: invalid value 'Example AS ' for setting 'name' at '$.accounts[0].settings.name'
                \(trimHint) 'Example AS'?

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testAccountImportRefusesAPaddedAddressNamingThePath() {
        let document = cli.file(
            "checkout.json",
            #"{"configuration": {"merchant": {"name": "Example", "address_line": " Storgata 1"}, "payment_options": []}}"#
        )
        assertRun(
            cli.run(["account", "import", "T12345678", document]), status: 3,
            stderr: """
                error: invalid value ' Storgata 1' for setting 'address_line' at '$.configuration.merchant.address_line'
                \(trimHint) 'Storgata 1'?

                """)
        XCTAssertNil(cli.storeBytes())
    }

    func testProfileImportRefusesAWhitespaceOnlyDescription() {
        makeCardAccount()
        let before = cli.storeBytes()
        let file = cli.file(
            "profile.json",
            #"{"profile_id": "web", "description": " ", "configuration": {"dintero_psp": {"creditcard": {"enabled": true}}}}"#
        )
        assertRun(
            cli.run(["profile", "import", "T12345678", file]), status: 3,
            stderr: """
                error: invalid description ' ' at '$.description'
                hint: a description is at most 1000 characters, without control characters or leading or trailing whitespace

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }
}
