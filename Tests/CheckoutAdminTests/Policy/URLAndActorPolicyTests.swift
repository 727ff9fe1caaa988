import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// URL schemes are matched without regard to case and kept as written; an actor is free text without control
/// characters.
final class URLAndActorPolicyTests: CLITestCase {
    // MARK: URL schemes

    func testAnUpperCaseSchemeIsAcceptedAndStoredAsWritten() throws {
        makeCardAccount()
        assertRun(
            cli.run("settings set T12345678 website=HTTPS://Example.com/Shop"), status: 0,
            stderr: "+ settings T12345678 website: 'HTTPS://Example.com/Shop'\n")
        XCTAssertEqual(
            try cli.rows("SELECT value FROM setting WHERE key = 'website'"), [["HTTPS://Example.com/Shop"]])
    }

    func testAMixedCaseTermsURLIsAcceptedAndExportedAsWritten() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("profile set T12345678 web merchant_terms_url=Http://example.com/terms")
        let export = try JSONValue(parsing: cli.succeed("profile export T12345678 web").stdout)
        XCTAssertEqual(export["url"]?["merchant_terms_url"], .string("Http://example.com/terms"))
    }

    func testAnotherSchemeInUpperCaseIsStillRefused() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("settings set T12345678 logo_url=FTP://example.com/logo.png"), status: 3,
            stderr: """
                error: invalid value 'FTP://example.com/logo.png' for setting 'logo_url'
                hint: logo_url must be an absolute https:// or http:// URL

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: Actor

    func testAnActorWithAnEscapeSequenceIsRefusedAndNothingIsWritten() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run(["--actor", "ops\u{1B}[31m", "settings", "set", "T12345678", "country=NO"]), status: 3,
            stderr: """
                error: invalid actor 'ops\\u{1b}[31m'
                hint: an actor (--actor or CHECKOUT_ADMIN_ACTOR) is 1-200 characters, without control characters or leading or trailing whitespace

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAnActorFromTheEnvironmentWithANewlineIsRefusedInJSON() {
        makeCardAccount()
        cli.environment["CHECKOUT_ADMIN_ACTOR"] = "ops\nforged line"
        assertRun(
            cli.run("settings set T12345678 country=NO --json"), status: 3,
            stderr:
                #"{"error":{"code":"invalid_value","exit_code":3,"hint":"an actor (--actor or CHECKOUT_ADMIN_ACTOR) is 1-200 characters, without control characters or leading or trailing whitespace","message":"invalid actor 'ops\\u{a}forged line'"}}"#
                + "\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM setting WHERE key = 'country'"), [["0"]])
    }

    func testAnActorWithATrailingSpaceGetsTheTrimmedActorAsHint() {
        makeCardAccount()
        assertRun(
            cli.run(["--actor", "ops ", "settings", "set", "T12345678", "country=NO"]), status: 3,
            stderr: """
                error: invalid actor 'ops '
                hint: leading and trailing whitespace is not allowed: did you mean 'ops'?

                """)
    }

    func testAnActorWithInnerSpacesIsRecordedAsGiven() throws {
        makeCardAccount()
        cli.run(["--actor", "Ops Team", "settings", "set", "T12345678", "country=NO"])
        XCTAssertEqual(try cli.rows("SELECT actor FROM history ORDER BY seq DESC LIMIT 1"), [["Ops Team"]])
    }
}
