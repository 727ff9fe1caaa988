import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `profile add|list|show|set|add-method|remove-method|remove`. Import/export: ProfileTransferTests.
final class ProfileCommandsTests: CLITestCase {
    private let profileColumns =
        "profile_id, description, channel, auto_capture, all_active, default_payment_type, merchant_terms_url"

    /// makeCardAccount plus vipps, the second method most tests need.
    private func makeCardAndVippsAccount() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
    }

    /// Runs a command that must be refused, asserting the output and that the store file is unchanged.
    private func assertRefused(
        _ arguments: [String], stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let before = cli.storeBytes()
        assertRun(cli.run(arguments), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(
            cli.storeBytes(), before, "a refused command leaves the store byte-identical", file: file, line: line)
    }

    private func assertRefused(_ line: String, stderr: String, file: StaticString = #filePath, lineNumber: UInt = #line)
    {
        assertRefused(line.split(separator: " ").map(String.init), stderr: stderr, file: file, line: lineNumber)
    }

    // MARK: add

    func testAddStoresMethodsDefaultAndDescription() throws {
        makeCardAndVippsAccount()
        assertRun(
            cli.run([
                "profile", "add", "T12345678", "web", "--description", "Norwegian web shop", "--method",
                "dintero_psp.creditcard",
                "--method", "vipps", "--default", "dintero_psp.creditcard",
            ]), status: 0,
            stderr: "+ profile T12345678 web: offers dintero_psp.creditcard, vipps; default dintero_psp.creditcard\n")
        XCTAssertEqual(
            try cli.rows("SELECT \(profileColumns) FROM profile"),
            [["web", "Norwegian web shop", "ecommerce", "0", "0", "dintero_psp.creditcard", "NULL"]])
        XCTAssertEqual(
            try cli.rows("SELECT type, options FROM profile_method ORDER BY type"),
            [["dintero_psp.creditcard", "{}"], ["vipps", "{}"]])
    }

    func testAddWithAllActiveChannelAndAutoCapture() throws {
        makeCardAccount()
        assertRun(
            cli.run("profile add T12345678 till --all-active --channel in_store --auto-capture"), status: 0,
            stderr: "+ profile T12345678 till: offers all active methods; channel in_store; auto capture\n")
        XCTAssertEqual(
            try cli.rows("SELECT \(profileColumns) FROM profile"),
            [["till", "NULL", "in_store", "1", "1", "NULL", "NULL"]])
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile_method"), [["0"]])
    }

    func testAddingAnExistingProfileIsRefusedAsAlreadyExists() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile add T12345678 web --all-active --json",
            stderr:
                #"{"error":{"code":"already_exists","exit_code":3,"hint":"pass --if-not-exists to accept an existing profile","message":"profile 'web' already exists on account 'T12345678'"}}"#
                + "\n")
    }

    func testAddIfNotExistsAcceptsAnExistingProfileWithoutChangingIt() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run("profile add T12345678 web --all-active --if-not-exists"), status: 0,
            stderr: "profile 'web' already exists\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAddIfNotExistsCreatesAMissingProfile() throws {
        makeCardAccount()
        assertRun(
            cli.run("profile add T12345678 web --method dintero_psp.creditcard --if-not-exists"), status: 0,
            stderr: "+ profile T12345678 web: offers dintero_psp.creditcard\n")
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile"), [["web"]])
    }

    func testAddOfferingATypeTheAccountHasNotEnabledIsRefusedWithTheMethodEnableCommand() {
        makeCardAccount()
        assertRefused(
            "profile add T12345678 web --method dintero_psp.creditcard --method klarna.klarna",
            stderr: """
                error: refused: profile 'web' offers 'klarna.klarna' but account 'T12345678' has not enabled it (method-not-on-account)
                hint: checkout-admin method enable T12345678 klarna.klarna

                """)
    }

    func testAddWithADefaultTheProfileDoesNotOfferIsRefused() {
        makeCardAndVippsAccount()
        assertRefused(
            "profile add T12345678 web --method dintero_psp.creditcard --default vipps",
            stderr: """
                error: refused: profile 'web' of account 'T12345678' has default 'vipps' but does not offer it (default-not-offered)
                hint: profile 'web' was not created: offer 'vipps' in it too, or give it no default_payment_type

                """)
    }

    func testAddOfAProfileOfferingNothingIsRefused() {
        makeCardAccount()
        assertRefused(
            "profile add T12345678 web",
            stderr: """
                error: refused: profile 'web' of account 'T12345678' offers nothing (profile-empty)
                hint: profile 'web' was not created: offer <type> in it too, or give it all_active=true

                """)
    }

    func testAddWithAMisspelledMethodSuggestsTheClosestType() {
        makeCardAccount()
        assertRefused(
            "profile add T12345678 web --method dintero_psp.creditcards",
            stderr: """
                error: unknown payment type 'dintero_psp.creditcards'
                hint: did you mean 'dintero_psp.creditcard'?
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testAddWithAProfileIdWithLeadingSpaceIsRefused() {
        makeCardAccount()
        assertRefused(
            ["profile", "add", "T12345678", " web", "--method", "dintero_psp.creditcard"],
            stderr: """
                error: invalid profile id ' web'
                hint: leading and trailing whitespace is not allowed: did you mean 'web'?

                """)
    }

    func testAddWithAProfileIdLongerThan255CharactersIsRefused() {
        makeCardAccount()
        let id = String(repeating: "p", count: 256)
        let result = cli.run(["profile", "add", "T12345678", id, "--method", "dintero_psp.creditcard", "--json"])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix(#"{"error":{"code":"invalid_value","#), result.stderr)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM profile"), [["0"]])
    }

    func testAddWithAProfileIdOf255CharactersIsAccepted() throws {
        makeCardAccount()
        let id = String(repeating: "p", count: 255)
        XCTAssertEqual(
            cli.run(["profile", "add", "T12345678", id, "--method", "dintero_psp.creditcard", "-q"]).status, 0)
        XCTAssertEqual(try cli.rows("SELECT length(profile_id) FROM profile"), [["255"]])
    }

    func testAddWithAMisspelledChannelSuggestsTheClosest() {
        makeCardAccount()
        assertRefused(
            "profile add T12345678 app --method dintero_psp.creditcard --channel in-app",
            stderr: """
                error: invalid channel 'in-app'
                hint: did you mean 'in_app'?
                hint: a channel is one of: ecommerce, in_app, in_store

                """)
    }

    func testAddOnAMissingAccountIsNotFound() {
        assertRun(
            cli.run("profile add T12345678 web --all-active"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testCopyFromCopiesTheProfileAndAppliesTheOptionsOnTop() throws {
        makeCardAndVippsAccount()
        cli.succeed(
            "profile add T12345678 web --method dintero_psp.creditcard --default dintero_psp.creditcard --auto-capture")
        assertRun(
            cli.run("profile add T12345678 web2 --copy-from web --method vipps --channel in_app"), status: 0,
            stderr:
                "+ profile T12345678 web2: offers dintero_psp.creditcard, vipps; default dintero_psp.creditcard; channel in_app; auto capture\n"
        )
        XCTAssertEqual(
            try cli.rows("SELECT \(profileColumns) FROM profile WHERE profile_id = 'web2'"),
            [["web2", "NULL", "in_app", "1", "0", "dintero_psp.creditcard", "NULL"]])
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, type FROM profile_method WHERE profile_id = 'web' ORDER BY type"),
            [["web", "dintero_psp.creditcard"]], "the source is untouched")
    }

    func testCopyFromAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRefused(
            "profile add T12345678 copy --copy-from webshp",
            stderr: """
                error: profile 'webshp' not found on account 'T12345678'
                hint: did you mean 'webshop'?

                """)
    }

    // MARK: list and show

    func testListShowsProfilesSortedByIdWithWhatTheyOffer() {
        makeCardAndVippsAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps --default vipps")
        cli.succeed("profile add T12345678 app --method vipps --channel in_app")
        cli.succeed("profile add T12345678 all --all-active")
        cli.run(["profile", "set", "T12345678", "web", "description=Web shop"])
        assertRun(
            cli.run("profile list T12345678"), status: 0,
            stdout: """
                PROFILE\tCHANNEL\tDEFAULT\tOFFERS\tDESCRIPTION
                all\tecommerce\t-\t(all active)\t
                app\tin_app\t-\tvipps\t
                web\tecommerce\tvipps\tdintero_psp.creditcard, vipps\tWeb shop

                """)
    }

    func testListJSONOfAnAccountWithoutProfilesHasAnEmptyArray() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("profile list T12345678 --json"), status: 0,
            stdout: "{\n  \"account\": \"T12345678\",\n  \"format_version\": \"1\",\n  \"profiles\": []\n}\n")
    }

    func testListOfAMissingAccountIsNotFoundAndCreatesNothing() {
        assertRun(
            cli.run("profile list T12345678"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testShowPrintsEveryFieldAndWhatAllActiveOffers() {
        makeCardAndVippsAccount()
        cli.succeed(
            "profile add T12345678 web --all-active --method vipps --default dintero_psp.creditcard --channel in_app")
        cli.succeed("profile set T12345678 web merchant_terms_url=https://example.com/terms")
        assertRun(
            cli.run("profile show T12345678 web"), status: 0,
            stdout: """
                profile: web
                account: T12345678
                description: -
                channel: in_app
                auto_capture: false
                all_active: true
                default_payment_type: dintero_psp.creditcard
                merchant_terms_url: https://example.com/terms
                methods: vipps
                offers: (all active: dintero_psp.creditcard), vipps

                """)
    }

    func testShowJSONHoldsTheProfileDocument() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --channel in_store")
        assertRun(
            cli.run("profile show T12345678 web --json"), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "format_version": "1",
                  "profile": {
                    "configuration": {
                      "active_payment_types": {
                        "enabled": false
                      },
                      "auto_capture": false,
                      "channel": "in_store",
                      "dintero_psp": {
                        "creditcard": {
                          "enabled": true,
                          "generate_payment_token": false
                        }
                      }
                    },
                    "profile_id": "web"
                  }
                }

                """)
    }

    func testShowOfAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRun(
            cli.run("profile show T12345678 wbshop --json"), status: 3,
            stderr:
                #"{"error":{"code":"not_found","exit_code":3,"hint":"did you mean 'webshop'?","message":"profile 'wbshop' not found on account 'T12345678'"}}"#
                + "\n")
    }

    func testShowOfAProfileFarFromAnyIdHasNoSuggestion() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRun(
            cli.run("profile show T12345678 pos"), status: 3,
            stderr: "error: profile 'pos' not found on account 'T12345678'\n")
    }

    // MARK: set

    func testSetChangesSeveralFieldsInOneWrite() throws {
        makeCardAndVippsAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        assertRun(
            cli.run([
                "profile", "set", "T12345678", "web", "description=Web shop", "channel=in_app", "auto_capture=true",
                "default_payment_type=vipps", "merchant_terms_url=https://example.com/terms",
            ]), status: 0,
            stderr:
                "~ profile T12345678 web: offers dintero_psp.creditcard, vipps → offers dintero_psp.creditcard, vipps; default vipps; channel in_app; auto capture\n"
        )
        XCTAssertEqual(
            try cli.rows("SELECT \(profileColumns) FROM profile"),
            [["web", "Web shop", "in_app", "1", "0", "vipps", "https://example.com/terms"]])
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM history WHERE kind = 'profile' AND command LIKE '%set%'"), [["1"]])
    }

    func testSetWithOneInvalidPairWritesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 web channel=in_app auto_capture=yes",
            stderr: """
                error: invalid value 'yes' for 'auto_capture'
                hint: auto_capture must be true or false

                """)
    }

    func testSetOfAnUnknownFieldSuggestsTheClosest() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 web descripton=x",
            stderr: """
                error: unknown profile field 'descripton'
                hint: did you mean 'description'?
                hint: fields are: description, channel, auto_capture, default_payment_type, all_active, merchant_terms_url

                """)
    }

    func testSetWithAnEmptyDefaultClearsIt() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --default dintero_psp.creditcard")
        assertRun(
            cli.run("profile set T12345678 web default_payment_type="), status: 0,
            stderr:
                "~ profile T12345678 web: offers dintero_psp.creditcard; default dintero_psp.creditcard → offers dintero_psp.creditcard\n"
        )
        XCTAssertEqual(try cli.rows("SELECT default_payment_type FROM profile"), [["NULL"]])
    }

    func testSetOfADefaultTheProfileDoesNotOfferIsRefused() {
        makeCardAndVippsAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 web default_payment_type=vipps",
            stderr: """
                error: refused: profile 'web' of account 'T12345678' has default 'vipps' but does not offer it (default-not-offered)
                hint: checkout-admin profile add-method T12345678 web vipps (or checkout-admin profile set T12345678 web default_payment_type=)

                """)
    }

    func testSetOfAMisspelledDefaultTypeSuggestsTheClosest() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 web default_payment_type=vips",
            stderr: """
                error: unknown payment type 'vips'
                hint: did you mean 'vipps'?
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testSetOnAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 websop auto_capture=true",
            stderr: """
                error: profile 'websop' not found on account 'T12345678'
                hint: did you mean 'webshop'?

                """)
    }

    func testSetToTheCurrentValuesChangesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run("profile set T12345678 web channel=ecommerce auto_capture=false"), status: 0, stderr: "no changes\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
    }

    // MARK: add-method and remove-method

    func testAddMethodOffersTheTypes() throws {
        makeCardAndVippsAccount()
        cli.succeed("method enable T12345678 bambora.creditcard --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRun(
            cli.run("profile add-method T12345678 web vipps bambora.creditcard"), status: 0,
            stderr:
                "~ profile T12345678 web: offers dintero_psp.creditcard → offers bambora.creditcard, dintero_psp.creditcard, vipps\n"
        )
        XCTAssertEqual(
            try cli.rows("SELECT type FROM profile_method ORDER BY type"),
            [["bambora.creditcard"], ["dintero_psp.creditcard"], ["vipps"]])
    }

    func testAddMethodOfATypeAlreadyOfferedChangesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run("profile add-method T12345678 web dintero_psp.creditcard"), status: 0,
            stderr: "no changes: the profile already offers them\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testAddMethodOfATypeTheAccountHasNotEnabledIsRefusedWithTheMethodEnableCommand() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile add-method T12345678 web klarna.klarna",
            stderr: """
                error: refused: profile 'web' offers 'klarna.klarna' but account 'T12345678' has not enabled it (method-not-on-account)
                hint: checkout-admin method enable T12345678 klarna.klarna

                """)
    }

    func testAddMethodOfATypeNotEnabledHasJSONCodePolicyViolation() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile add-method T12345678 web vipps --json",
            stderr:
                #"{"error":{"code":"policy_violation","exit_code":3,"findings":[{"account":"T12345678","hint":"checkout-admin method enable T12345678 vipps","message":"profile 'web' offers 'vipps' but account 'T12345678' has not enabled it","payment_type":"vipps","profile":"web","rule":"method-not-on-account","severity":"error"}],"#
                + #""hint":"checkout-admin method enable T12345678 vipps","message":"refused: profile 'web' offers 'vipps' but account 'T12345678' has not enabled it (method-not-on-account)"}}"#
                + "\n")
    }

    func testAddMethodWithOneMisspelledTypeAddsNone() {
        makeCardAndVippsAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile add-method T12345678 web vipps klarna.klarn",
            stderr: """
                error: unknown payment type 'klarna.klarn'
                hint: did you mean 'klarna.klarna'?
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testAddMethodToAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRefused(
            "profile add-method T12345678 webshops dintero_psp.creditcard",
            stderr: """
                error: profile 'webshops' not found on account 'T12345678'
                hint: did you mean 'webshop'?

                """)
    }

    func testAddMethodKeepsTheOptionsOfATypeAlreadyOffered() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        let document = cli.file(
            "web.json",
            #"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": {"enabled": true, "generate_payment_token": true}}}}"#
        )
        cli.succeed("profile import T12345678 \(document)")
        cli.succeed("profile add-method T12345678 web dintero_psp.creditcard vipps")
        XCTAssertEqual(
            try cli.rows("SELECT type, options FROM profile_method ORDER BY type"),
            [["dintero_psp.creditcard", #"{"generate_payment_token":true}"#], ["vipps", "{}"]])
    }

    func testRemoveMethodStopsOfferingTheTypes() throws {
        makeCardAndVippsAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        assertRun(
            cli.run("profile remove-method T12345678 web vipps"), status: 0,
            stderr: "~ profile T12345678 web: offers dintero_psp.creditcard, vipps → offers dintero_psp.creditcard\n")
        XCTAssertEqual(try cli.rows("SELECT type FROM profile_method"), [["dintero_psp.creditcard"]])
        XCTAssertEqual(
            try cli.rows("SELECT type FROM payment_method ORDER BY type"), [["dintero_psp.creditcard"], ["vipps"]],
            "the account keeps the method")
    }

    func testRemoveMethodOfATypeNotOfferedChangesNothing() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run("profile remove-method T12345678 web vipps"), status: 0,
            stderr: "no changes: the profile does not offer them\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testRemoveMethodOfAMisspelledTypeSuggestsTheClosest() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile remove-method T12345678 web dintero_psp.credit",
            stderr: """
                error: unknown payment type 'dintero_psp.credit'
                hint: see 'checkout-admin method types' for the catalogue

                """)
    }

    func testRemoveMethodThatWouldLeaveTheProfileEmptyIsRefused() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile remove-method T12345678 web dintero_psp.creditcard",
            stderr: """
                error: refused: profile 'web' of account 'T12345678' offers nothing (profile-empty)
                hint: checkout-admin profile add-method T12345678 web <type> (or checkout-admin profile set T12345678 web all_active=true)

                """)
    }

    // MARK: remove

    func testRemoveWithoutYesIsNotConfirmedWhenNotInteractive() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRefused(
            "profile remove T12345678 web --json",
            stderr:
                #"{"error":{"code":"not_confirmed","exit_code":3,"hint":"pass --yes to confirm","message":"remove profile 'web' of account 'T12345678': not confirmed"}}"#
                + "\n")
    }

    func testRemoveWithYesRemovesTheProfileAndItsMethods() throws {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        cli.succeed("profile add T12345678 app --method dintero_psp.creditcard")
        assertRun(cli.run("profile remove T12345678 web --yes"), status: 0, stderr: "- profile T12345678 web\n")
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile"), [["app"]])
        XCTAssertEqual(try cli.rows("SELECT profile_id FROM profile_method"), [["app"]])
    }

    func testRemoveOfAMisspelledProfileSuggestsTheClosestId() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRefused(
            "profile remove T12345678 webshopp --yes",
            stderr: """
                error: profile 'webshopp' not found on account 'T12345678'
                hint: did you mean 'webshop'?

                """)
    }
}
