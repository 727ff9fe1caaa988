import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `method types|list|enable|disable`.
final class MethodCommandsTests: CLITestCase {
    // MARK: types

    func testTypesListsTheWholeCatalogueAndMarksPayexClickToPayForbidden() {
        // Written out from Dintero's 2026 catalogue, not from the code, so a catalogue edit has to be deliberate.
        let types = [
            "bambora.applepay", "bambora.creditcard", "bambora.googlepay", "bambora.mobilepay", "bambora.vipps",
            "collector.finance", "collector.installment", "collector.installment_b2b_preapproved", "collector.invoice",
            "collector.invoice_b2b", "collector.invoice_b2b_preapproved",
            "dintero.external", "dintero.wallets", "dintero.zero",
            "dintero_psp.applepay", "dintero_psp.clicktopay", "dintero_psp.creditcard", "dintero_psp.googlepay",
            "dintero_psp.vipps",
            "instabank.finance", "instabank.installment", "instabank.invoice", "instabank.postponement",
            "klarna.billie", "klarna.klarna",
            "kravia.invoice_b2b", "kravia.invoice_b2b_grouped", "kravia.invoice_b2c",
            "netaxept.creditcard",
            "payex.applepay", "payex.clicktopay", "payex.creditcard", "payex.googlepay", "payex.mobilepay",
            "payex.swish", "payex.vipps",
            "santander.debit_account", "seitatech.in_person", "swish.swish", "two.invoice_b2b", "vipps",
        ]
        let token = "generate_payment_token"
        let required: [String: String] = [
            "bambora.creditcard": token, "dintero_psp.creditcard": token, "dintero_psp.clicktopay": token,
            "dintero_psp.googlepay": token, "payex.creditcard": "\(token), generate_recurrence_token",
            "collector.invoice": "type", "collector.invoice_b2b": "type", "collector.invoice_b2b_preapproved": "type",
            "collector.finance": "type", "collector.installment": "type", "instabank.installment": "type",
            "instabank.postponement": "type", "kravia.invoice_b2b": "require_identity_verification",
            "kravia.invoice_b2b_grouped": "require_identity_verification",
            "kravia.invoice_b2c": "require_identity_verification", "dintero.external": "display",
        ]
        let notes = [
            "payex.clicktopay": "forbidden: Click to Pay only through dintero_psp.clicktopay",
            "collector.installment_b2b_preapproved": "account method and default only; not in a profile",
        ]
        let rows = types.map { type -> String in
            let parts = type.split(separator: ".").map(String.init)
            let isDefault = type == "dintero.wallets" || type == "dintero.external" ? "no" : "yes"
            return [
                type, parts[0], parts.count > 1 ? parts[1] : "-", isDefault, required[type] ?? "-", notes[type] ?? "",
            ]
            .joined(separator: "\t")
        }
        assertRun(
            cli.run("method types"), status: 0,
            stdout: (["TYPE\tGATEWAY\tPRODUCT\tDEFAULT\tREQUIRED\tNOTE"] + rows).joined(separator: "\n") + "\n")
    }

    func testTypesDoesNotCreateTheStore() {
        cli.succeed("method types")
        XCTAssertNil(cli.storeBytes())
    }

    func testTypesJSONMarksOnlyPayexClickToPayAsNotAllowed() throws {
        let result = cli.run("method types --json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        let document = try JSONValue(parsing: result.stdout)
        let types = try XCTUnwrap(document["types"]?.arrayValue)
        XCTAssertEqual(types.count, 41)
        let refused = types.filter { $0["allowed"] == .bool(false) }
        XCTAssertEqual(
            refused,
            [
                .object([
                    "type": .string("payex.clicktopay"), "gateway": .string("payex"), "product": .string("clicktopay"),
                    "allowed": .bool(false),
                    "note": .string("forbidden: Click to Pay only through dintero_psp.clicktopay"),
                    "can_be_default": .bool(true), "in_profile": .bool(true), "required_options": .array([]),
                ])
            ])
        XCTAssertEqual(types.first { $0["type"] == .string("vipps") }?["product"], .null)
    }

    // MARK: enable

    func testEnableStoresTheCurrenciesSortedAndDeduplicated() throws {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency SEK --currency NOK --currency SEK"),
            status: 0,
            stderr: "+ method T12345678 dintero_psp.creditcard: NOK, SEK\n")
        XCTAssertEqual(
            try cli.rows("SELECT type, currencies FROM payment_method"), [["dintero_psp.creditcard", "NOK,SEK"]])
    }

    func testEnableWithoutCurrencyOnAnAccountWithoutMethodsIsRefused() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard"), status: 3,
            stderr:
                "error: account 'T12345678' has no methods to take currencies from\nhint: give them with --currency, e.g. --currency NOK\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableWithoutCurrencyTakesTheUnionOfTheCurrenciesTheAccountUses() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 bambora.creditcard --currency SEK --currency DKK")
        assertRun(
            cli.run("method enable T12345678 vipps"), status: 0, stderr: "+ method T12345678 vipps: DKK, NOK, SEK\n")
        XCTAssertEqual(try cli.rows("SELECT currencies FROM payment_method WHERE type = 'vipps'"), [["DKK,NOK,SEK"]])
    }

    func testLowerCaseCurrencyIsRefusedSuggestingTheUpperCaseCode() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency nok"), status: 3,
            stderr:
                "error: invalid currency 'nok'\nhint: did you mean 'NOK'?\nhint: a currency is an ISO 4217 code in upper case, e.g. NOK\n"
        )
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testCurrencyThatIsNotAnISO4217CodeIsRefused() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency XYZ"), status: 3,
            stderr: "error: invalid currency 'XYZ'\nhint: a currency is an ISO 4217 code in upper case, e.g. NOK\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testCurrencyOfFourLettersIsRefused() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOKK"), status: 3,
            stderr: "error: invalid currency 'NOKK'\nhint: a currency is an ISO 4217 code in upper case, e.g. NOK\n")
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM payment_method"), [["0"]])
    }

    func testOneInvalidCurrencyAmongValidOnesRefusesTheWholeCommand() throws {
        makeCardAccount()
        let before = cli.storeBytes()
        let result = cli.run("method enable T12345678 vipps --currency NOK --currency EURO --json")
        assertRun(
            result, status: 3,
            stderr:
                #"{"error":{"code":"invalid_value","exit_code":3,"hint":"a currency is an ISO 4217 code in upper case, e.g. NOK","message":"invalid currency 'EURO'"}}"#
                + "\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testReEnablingWithTheSameCurrenciesIsANoOpReportedAsAlreadyEnabled() throws {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency NOK"), status: 0,
            stderr: "'dintero_psp.creditcard' is already enabled on 'T12345678'\n")
        XCTAssertEqual(cli.storeBytes(), before, "a no-op writes nothing, not even history")
    }

    func testReEnablingWithOtherCurrenciesUpdatesThem() throws {
        makeCardAccount()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcard --currency SEK --currency NOK"), status: 0,
            stderr: "~ method T12345678 dintero_psp.creditcard: NOK → NOK, SEK\n")
        XCTAssertEqual(
            try cli.rows("SELECT currencies FROM payment_method WHERE type = 'dintero_psp.creditcard'"), [["NOK,SEK"]])
    }

    func testEnableJSONReportsTheAddedMethod() throws {
        cli.succeed("account add T12345678")
        let result = cli.run("method enable T12345678 vipps --currency NOK --json")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(
            try JSONValue(parsing: result.stdout),
            .object([
                "format_version": .string("1"),
                "changes": .array([
                    .object([
                        "action": .string("add"), "account": .string("T12345678"), "kind": .string("method"),
                        "id": .string("vipps"),
                        "before": .null,
                        "after": .object(["type": .string("vipps"), "currencies": .array([.string("NOK")])]),
                    ])
                ]),
                "summary": .object(["add": .number("1"), "change": .number("0"), "remove": .number("0")]),
                "findings": .array([]),
            ]))
    }

    func testEnablingOnAMissingAccountIsNotFound() {
        assertRun(
            cli.run("method enable T12345678 vipps --currency NOK"), status: 3,
            stderr:
                "error: account 'T12345678' not found\nhint: create it with 'checkout-admin account add T12345678'\n")
    }

    func testEnablingAMisspelledTypeSuggestsTheClosest() {
        cli.succeed("account add T12345678")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method enable T12345678 dintero_psp.creditcrad --currency NOK"), status: 3,
            stderr:
                "error: unknown payment type 'dintero_psp.creditcrad'\nhint: did you mean 'dintero_psp.creditcard'?\n"
                + "hint: see 'checkout-admin method types' for the catalogue\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnablingATypeFarFromAnyInTheCatalogueHasNoSuggestion() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("method enable T12345678 paypal.wallet --currency NOK --json"), status: 3,
            stderr:
                #"{"error":{"code":"invalid_value","exit_code":3,"hint":"see 'checkout-admin method types' for the catalogue","message":"unknown payment type 'paypal.wallet'"}}"#
                + "\n")
    }

    // MARK: list

    func testListShowsEachMethodWithItsCurrenciesAndTheProfilesOfferingIt() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK --currency SEK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 app --method vipps")
        cli.succeed("profile add T12345678 shop --all-active")
        assertRun(
            cli.run("method list T12345678"), status: 0,
            stdout: """
                TYPE\tCURRENCIES\tPROFILES
                dintero_psp.creditcard\tNOK\tshop,web
                vipps\tNOK,SEK\tapp,shop,web

                """)
    }

    func testListJSONNamesTheProfilesOfferingEachMethodAsTheTextDoes() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 app --method vipps")
        cli.succeed("profile add T12345678 shop --all-active")
        assertRun(
            cli.run("method list T12345678 --json"), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "format_version": "1",
                  "methods": [
                    {
                      "currencies": [
                        "NOK"
                      ],
                      "profiles": [
                        "shop",
                        "web"
                      ],
                      "type": "dintero_psp.creditcard"
                    },
                    {
                      "currencies": [
                        "NOK"
                      ],
                      "profiles": [
                        "app",
                        "shop",
                        "web"
                      ],
                      "type": "vipps"
                    }
                  ]
                }

                """)
    }

    func testListJSONHasMethodsSortedByTypeWithSortedCurrencies() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 bambora.creditcard --currency SEK --currency DKK")
        assertRun(
            cli.run("method list T12345678 --json"), status: 0,
            stdout: """
                {
                  "account": "T12345678",
                  "format_version": "1",
                  "methods": [
                    {
                      "currencies": [
                        "DKK",
                        "SEK"
                      ],
                      "profiles": [],
                      "type": "bambora.creditcard"
                    },
                    {
                      "currencies": [
                        "NOK"
                      ],
                      "profiles": [],
                      "type": "dintero_psp.creditcard"
                    }
                  ]
                }

                """)
    }

    func testListOfAnAccountWithoutMethodsIsJustTheHeader() {
        cli.succeed("account add T12345678")
        assertRun(cli.run("method list T12345678"), status: 0, stdout: "TYPE\tCURRENCIES\tPROFILES\n")
    }

    func testListOfAMissingAccountIsNotFound() {
        assertRun(
            cli.run("method list T12345678 --json"), status: 3,
            stderr:
                #"{"error":{"code":"not_found","exit_code":3,"hint":"create it with 'checkout-admin account add T12345678'","message":"account 'T12345678' not found"}}"#
                + "\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: disable

    func testDisableRemovesAMethodNoProfileOffers() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        assertRun(cli.run("method disable T12345678 vipps"), status: 0, stderr: "- method T12345678 vipps\n")
        XCTAssertEqual(try cli.rows("SELECT type FROM payment_method"), [["dintero_psp.creditcard"]])
    }

    func testDisableIsRefusedWhileProfilesOfferTheTypeNamingThem() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 app --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 cards --method dintero_psp.creditcard")
        let before = cli.storeBytes()
        assertRun(
            cli.run("method disable T12345678 vipps"), status: 3,
            stderr: "error: 'vipps' is still offered by profile 'app', 'web' of account 'T12345678'\n"
                + "hint: pass --force to remove it from those profiles too\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testDisableInUseHasTheJSONErrorCodeInUse() {
        makeCardAccount()
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard")
        assertRun(
            cli.run("method disable T12345678 dintero_psp.creditcard --json"), status: 3,
            stderr:
                #"{"error":{"code":"in_use","exit_code":3,"hint":"pass --force to remove it from those profiles too","message":"'dintero_psp.creditcard' is still offered by profile 'web' of account 'T12345678'"}}"#
                + "\n")
    }

    func testDisableCountsAProfileWhoseDefaultIsTheTypeAsUsingIt() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 shop --all-active --default vipps")
        assertRun(
            cli.run("method disable T12345678 vipps"), status: 3,
            stderr: "error: 'vipps' is still offered by profile 'shop' of account 'T12345678'\n"
                + "hint: pass --force to remove it from those profiles too\n")
    }

    func testForcedDisableAlsoRemovesTheTypeFromTheProfilesOfferingIt() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 app --method dintero_psp.creditcard --method vipps --default vipps")
        assertRun(
            cli.run("method disable T12345678 vipps --force"), status: 0,
            stderr: """
                - method T12345678 vipps
                ~ profile T12345678 app: offers dintero_psp.creditcard, vipps; default vipps → offers dintero_psp.creditcard
                ~ profile T12345678 web: offers dintero_psp.creditcard, vipps → offers dintero_psp.creditcard

                """)
        XCTAssertEqual(try cli.rows("SELECT type FROM payment_method"), [["dintero_psp.creditcard"]])
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, type FROM profile_method ORDER BY profile_id"),
            [["app", "dintero_psp.creditcard"], ["web", "dintero_psp.creditcard"]])
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, default_payment_type FROM profile ORDER BY profile_id"),
            [["app", "NULL"], ["web", "NULL"]])
        XCTAssertEqual(
            try cli.rows("SELECT kind, object_id FROM history WHERE command LIKE '%disable%' ORDER BY seq"),
            [["method", "vipps"], ["profile", "app"], ["profile", "web"]])
    }

    func testForcedDisableThatWouldLeaveAProfileOfferingNothingWritesNothing() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("profile add T12345678 web --method dintero_psp.creditcard --method vipps")
        cli.succeed("profile add T12345678 app --method vipps")
        let before = cli.storeBytes()
        // One transaction: removing vipps from 'web' alone would be fine, but 'app' would be empty, so nothing happens.
        assertRun(
            cli.run("method disable T12345678 vipps --force"), status: 3,
            stderr: """
                error: refused: profile 'app' of account 'T12345678' offers nothing (profile-empty)
                hint: checkout-admin profile add-method T12345678 app <type> (or checkout-admin profile set T12345678 app all_active=true)

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testDisablingAMisspelledTypeSuggestsTheClosest() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("method disable T12345678 dintero_psp.credtcard"), status: 3,
            stderr:
                "error: unknown payment type 'dintero_psp.credtcard'\nhint: did you mean 'dintero_psp.creditcard'?\n"
                + "hint: see 'checkout-admin method types' for the catalogue\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }
}
