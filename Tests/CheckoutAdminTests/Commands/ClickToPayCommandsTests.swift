import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `clicktopay enable|disable|status` run in-process against a temporary store.
final class ClickToPayCommandsTests: CLITestCase {
    /// A card account whose customer email is known, with a card profile `webshop`, a vipps profile `app`
    /// and an active_payment_types profile `all`.
    private func makeShop(_ id: String = "T12345678") {
        makeCardAccount(id)
        cli.succeed("settings set \(id) checkout_express=true")
        cli.succeed("method enable \(id) vipps")
        cli.succeed("profile add \(id) webshop --method dintero_psp.creditcard")
        cli.succeed("profile add \(id) app --method vipps")
        cli.succeed("profile add \(id) all --all-active")
    }

    private func historyCount() throws -> [[String]] {
        try cli.rows("SELECT count(*) FROM history")
    }

    private func profileMethods(_ type: String = "dintero_psp.clicktopay") throws -> [[String]] {
        try cli.rows("SELECT profile_id FROM profile_method WHERE type = '\(type)' ORDER BY profile_id")
    }

    // MARK: enable

    func testEnableOnAnAccountWithoutCardsIsRefusedWithTheMethodEnableHint() {
        cli.succeed("account add T12345678 --name Example")
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 3,
            stderr: """
                error: account 'T12345678' has no 'dintero_psp.creditcard'; Click to Pay is shown inside that card form
                hint: enable it first: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableOnAnAccountWithoutCardsIsRefusedInJSON() {
        cli.succeed("account add T12345678 --name Example")
        assertRun(
            cli.run("--json clicktopay enable T12345678"), status: 3,
            stderr: """
                {"error":{"code":"invalid_value","exit_code":3,"hint":"enable it first: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK","message":"account 'T12345678' has no 'dintero_psp.creditcard'; Click to Pay is shown inside that card form"}}

                """)
    }

    func testEnableOnAMissingAccountIsRefusedAsNotFound() {
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 3,
            stderr: """
                error: account 'T12345678' not found
                hint: create it with 'checkout-admin account add T12345678'

                """)
    }

    func testEnableAddsItToTheAccountAndEveryCardProfile() throws {
        makeShop()
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: NOK
                ~ profile T12345678 webshop: offers dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard
                profile 'all' already offers Click to Pay through active_payment_types

                """)
        XCTAssertEqual(
            try cli.rows("SELECT type, currencies FROM payment_method WHERE type = 'dintero_psp.clicktopay'"),
            [["dintero_psp.clicktopay", "NOK"]])
        XCTAssertEqual(try profileMethods(), [["webshop"]])
    }

    func testEnableOnAHalfConfiguredAccountAddsItOnlyWhereItIsMissing() throws {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678 --profile shop2")
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 0,
            stderr: """
                ~ profile T12345678 webshop: offers dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard
                profile 'all' already offers Click to Pay through active_payment_types

                """)
        XCTAssertEqual(try profileMethods(), [["shop2"], ["webshop"]])
    }

    func testEnableOnAFullyConfiguredAccountChangesNothing() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("method enable T12345678 dintero_psp.clicktopay")
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard --method dintero_psp.clicktopay")
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 0, stderr: "Click to Pay is already enabled; no changes\n")
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnablingTwiceWritesNoChangesAndNoHistoryTheSecondTime() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        let history = try historyCount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 0,
            stderr: """
                Click to Pay is already enabled; no changes
                profile 'all' already offers Click to Pay through active_payment_types

                """)
        XCTAssertEqual(try historyCount(), history)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableWritesOneHistoryRowPerChange() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        XCTAssertEqual(
            try cli.rows(
                "SELECT action, kind, object_id, command FROM history WHERE command LIKE '%clicktopay%' ORDER BY seq"),
            [
                ["add", "method", "dintero_psp.clicktopay", "checkout-admin clicktopay enable T12345678"],
                ["change", "profile", "webshop", "checkout-admin clicktopay enable T12345678"],
            ])
    }

    func testEnableWithProfileAddsItOnlyToThatProfile() throws {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        assertRun(
            cli.run("clicktopay enable T12345678 --profile shop2"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: NOK
                ~ profile T12345678 shop2: offers dintero_psp.creditcard → offers dintero_psp.clicktopay, dintero_psp.creditcard
                  warning ctp-missing-from-profile: profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has
                           fix: checkout-admin clicktopay enable T12345678 --profile webshop

                """)
        XCTAssertEqual(try profileMethods(), [["shop2"]])
    }

    func testEnableWithAnActivePaymentTypesProfileReportsItAsCovered() throws {
        makeShop()
        assertRun(
            cli.run("clicktopay enable T12345678 --profile all"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: NOK
                profile 'all' already offers Click to Pay through active_payment_types
                  warning ctp-missing-from-profile: profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has
                           fix: checkout-admin clicktopay enable T12345678 --profile webshop

                """)
        XCTAssertEqual(try profileMethods(), [])
    }

    func testEnableWithAnUnknownProfileIsRefusedAndWritesNothing() {
        makeShop()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 --profile webshp"), status: 3,
            stderr: """
                error: profile 'webshp' not found on account 'T12345678'
                hint: did you mean 'webshop'?

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableWithAProfileLackingCardsIsRefusedAndWritesNothing() {
        makeShop()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 --profile app"), status: 3,
            stderr: """
                error: refused: profile 'app' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard' (ctp-without-card)
                hint: checkout-admin profile add-method T12345678 app dintero_psp.creditcard

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnableWithoutCurrencyTakesTheCardMethodsCurrencies() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        cli.succeed("clicktopay enable T12345678")
        XCTAssertEqual(
            try cli.rows("SELECT currencies FROM payment_method WHERE type = 'dintero_psp.clicktopay'"), [["NOK,SEK"]])
    }

    func testEnableWithCurrencyUsesThoseCurrencies() throws {
        makeCardAccount()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        assertRun(
            cli.run("clicktopay enable T12345678 --currency SEK"), status: 0,
            stderr: """
                + method T12345678 dintero_psp.clicktopay: SEK
                  warning ctp-currency-missing: account 'T12345678' offers 'dintero_psp.creditcard' in NOK but Click to Pay lacks them
                           fix: checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK --currency SEK

                """ + emailUnknown)
    }

    func testEnableWithNewCurrenciesOnAnEnabledAccountUpdatesThem() {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("clicktopay enable T12345678")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        assertRun(
            cli.run("clicktopay enable T12345678 --currency NOK --currency SEK"), status: 0,
            stderr: "~ method T12345678 dintero_psp.clicktopay: NOK → NOK, SEK\n")
    }

    func testEnableWithAnInvalidCurrencyIsRefusedAndWritesNothing() {
        makeCardAccount()
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay enable T12345678 --currency ABC"), status: 3,
            stderr: """
                error: invalid currency 'ABC'
                hint: a currency is an ISO 4217 code in upper case, e.g. NOK

                """)
        XCTAssertEqual(cli.storeBytes(), before)
    }

    func testEnablePrintsOnlyTheFindingsItCreatesNotTheAccountsOldOnes() {
        cli.succeed("account add T12345678")
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK")
        // merchant-incomplete was there before: `audit` and `clicktopay status` show it, the write does not.
        assertRun(
            cli.run("clicktopay enable T12345678"), status: 0,
            stderr: "+ method T12345678 dintero_psp.clicktopay: NOK\n" + emailUnknown)
    }

    func testEnableQuietPrintsNothing() {
        makeShop()
        assertRun(cli.run("clicktopay enable T12345678 --quiet"), status: 0)
    }

    func testEnableJSONListsChangesCoveredProfilesAndFindings() {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        cli.succeed("settings unset T12345678 checkout_express")
        assertRun(
            cli.run("--json clicktopay enable T12345678 --profile all --profile shop2"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "add",
                      "after": {
                        "currencies": [
                          "NOK"
                        ],
                        "type": "dintero_psp.clicktopay"
                      },
                      "before": null,
                      "id": "dintero_psp.clicktopay",
                      "kind": "method"
                    },
                    {
                      "account": "T12345678",
                      "action": "change",
                      "after": {
                        "configuration": {
                          "active_payment_types": {
                            "enabled": false
                          },
                          "auto_capture": false,
                          "dintero_psp": {
                            "clicktopay": {
                              "enabled": true,
                              "generate_payment_token": false
                            },
                            "creditcard": {
                              "enabled": true,
                              "generate_payment_token": false
                            }
                          }
                        },
                        "profile_id": "shop2"
                      },
                      "before": {
                        "configuration": {
                          "active_payment_types": {
                            "enabled": false
                          },
                          "auto_capture": false,
                          "dintero_psp": {
                            "creditcard": {
                              "enabled": true,
                              "generate_payment_token": false
                            }
                          }
                        },
                        "profile_id": "shop2"
                      },
                      "id": "shop2",
                      "kind": "profile"
                    }
                  ],
                  "covered_by_active_payment_types": [
                    "all"
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
                    },
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin clicktopay enable T12345678 --profile webshop",
                      "message": "profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has",
                      "payment_type": "dintero_psp.clicktopay",
                      "profile": "webshop",
                      "rule": "ctp-missing-from-profile",
                      "severity": "warning"
                    }
                  ],
                  "format_version": "1",
                  "summary": {
                    "add": 1,
                    "change": 1,
                    "remove": 0
                  }
                }

                """)
    }

    func testEnableJSONOnAnEnabledAccountHasNoChangesAndEmptyArrays() {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("--json clicktopay enable T12345678"), status: 0,
            stdout: """
                {
                  "changes": [],
                  "covered_by_active_payment_types": [],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 0,
                    "remove": 0
                  }
                }

                """)
    }

    // MARK: disable

    func testDisableRemovesItFromTheAccountAndEveryProfile() throws {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("clicktopay disable T12345678"), status: 0,
            stderr: """
                - method T12345678 dintero_psp.clicktopay
                ~ profile T12345678 shop2: offers dintero_psp.clicktopay, dintero_psp.creditcard → offers dintero_psp.creditcard
                ~ profile T12345678 webshop: offers dintero_psp.clicktopay, dintero_psp.creditcard → offers dintero_psp.creditcard

                """)
        XCTAssertEqual(
            try cli.rows("SELECT count(*) FROM payment_method WHERE type = 'dintero_psp.clicktopay'"), [["0"]])
        XCTAssertEqual(try profileMethods(), [])
    }

    func testDisableClearsClickToPayAsDefault() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        cli.succeed("profile set T12345678 webshop default_payment_type=dintero_psp.clicktopay")
        cli.succeed("profile set T12345678 all default_payment_type=dintero_psp.clicktopay")
        assertRun(
            cli.run("clicktopay disable T12345678"), status: 0,
            stderr: """
                - method T12345678 dintero_psp.clicktopay
                ~ profile T12345678 all: offers all active methods; default dintero_psp.clicktopay → offers all active methods
                ~ profile T12345678 webshop: offers dintero_psp.clicktopay, dintero_psp.creditcard; default dintero_psp.clicktopay → offers dintero_psp.creditcard

                """)
        XCTAssertEqual(
            try cli.rows("SELECT profile_id, default_payment_type FROM profile ORDER BY profile_id"),
            [["all", "NULL"], ["app", "NULL"], ["webshop", "NULL"]])
    }

    func testDisableWritesEveryChangeInOneTransaction() throws {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable T12345678")
        cli.succeed("clicktopay disable T12345678")
        XCTAssertEqual(
            try cli.rows(
                """
                SELECT count(*), count(DISTINCT at) FROM history WHERE command = 'checkout-admin clicktopay disable T12345678'
                """), [["3", "1"]])
    }

    func testDisableThatWouldLeaveAnErrorIsRefusedAndWritesNothing() throws {
        makeShop()
        cli.succeed("clicktopay enable T12345678")
        // A profile that offers only Click to Pay cannot be made by the tool; an older version's store may hold one.
        try sql(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'only');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'only', 'dintero_psp.clicktopay');
            """)
        let before = cli.storeBytes()
        assertRun(
            cli.run("clicktopay disable T12345678"), status: 3,
            stderr: """
                error: refused: profile 'only' of account 'T12345678' offers nothing (profile-empty)
                hint: checkout-admin profile add-method T12345678 only <type> (or checkout-admin profile set T12345678 only all_active=true)

                """)
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(try profileMethods(), [["only"], ["webshop"]])
    }

    func testDisableOnAnAccountWithoutClickToPayChangesNothing() throws {
        makeShop()
        let history = try historyCount()
        assertRun(
            cli.run("clicktopay disable T12345678"), status: 0, stderr: "Click to Pay is not enabled; no changes\n")
        XCTAssertEqual(try historyCount(), history)
    }

    func testDisableOfAMissingAccountIsRefusedAsNotFound() {
        assertRun(
            cli.run("clicktopay disable T12345678"), status: 3,
            stderr: """
                error: account 'T12345678' not found
                hint: create it with 'checkout-admin account add T12345678'

                """)
    }

    func testDisableJSONListsTheChanges() {
        makeCardAccount()
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("--json clicktopay disable T12345678"), status: 0,
            stdout: """
                {
                  "changes": [
                    {
                      "account": "T12345678",
                      "action": "remove",
                      "after": null,
                      "before": {
                        "currencies": [
                          "NOK"
                        ],
                        "type": "dintero_psp.clicktopay"
                      },
                      "id": "dintero_psp.clicktopay",
                      "kind": "method"
                    }
                  ],
                  "findings": [],
                  "format_version": "1",
                  "summary": {
                    "add": 0,
                    "change": 0,
                    "remove": 1
                  }
                }

                """)
    }

    // MARK: status

    func testStatusOfAnAccountWithoutClickToPay() {
        makeShop()
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: all, webshop
                  customer email known: yes (checkout_express)

                """)
    }

    func testStatusOfAnEnabledAccountShowsHowProfilesOfferIt() {
        makeShop()
        cli.succeed("method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK")
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay on (NOK, SEK)
                  currencies: Click to Pay NOK, SEK; dintero_psp.creditcard NOK, SEK
                  offered by: all (active_payment_types), webshop (explicit)
                  card profiles without it: -
                  customer email known: yes (checkout_express)

                """)
    }

    func testStatusShowsCardProfilesLackingItAndTheFindings() {
        makeShop()
        cli.succeed("settings set T12345678 checkout_express=false session_customer_email=false")
        cli.succeed("clicktopay enable T12345678 --profile all")
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay on (NOK)
                  currencies: Click to Pay NOK; dintero_psp.creditcard NOK
                  offered by: all (active_payment_types)
                  card profiles without it: webshop
                  customer email known: no (set checkout_express or session_customer_email)
                """ + "\n" + emailUnknown + """
                      warning ctp-missing-from-profile: profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has
                               fix: checkout-admin clicktopay enable T12345678 --profile webshop

                    """)
    }

    func testStatusNamesSessionCustomerEmailAsTheEmailSource() {
        makeCardAccount()
        cli.succeed("settings set T12345678 session_customer_email=true")
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: -
                  customer email known: yes (session_customer_email)

                """)
    }

    func testStatusShowsClickToPayErrorsOfARawStore() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 session_customer_email=true")
        try sql(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'webshop');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'dintero_psp.clicktopay');
            """)
        assertRun(
            cli.run("clicktopay status T12345678"), status: 0,
            stdout: """
                T12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: webshop (explicit)
                  card profiles without it: -
                  customer email known: yes (session_customer_email)
                  error   ctp-not-on-account: profile 'webshop' offers Click to Pay but account 'T12345678' has not enabled it
                           fix: checkout-admin clicktopay enable T12345678
                  error   ctp-without-card: profile 'webshop' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'
                           fix: checkout-admin profile add-method T12345678 webshop dintero_psp.creditcard

                """)
    }

    func testStatusOfSeveralAccountsPrintsOneBlockEachInIDOrder() {
        makeCardAccount("T12345678")
        makeCardAccount("P12345678")
        makeCardAccount("T00000001")
        cli.succeed("clicktopay enable T12345678")
        assertRun(
            cli.run("clicktopay status T12345678 P12345678"), status: 0,
            stdout: """
                P12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: -
                  customer email known: no (set checkout_express or session_customer_email)

                T12345678: Click to Pay on (NOK)
                  currencies: Click to Pay NOK; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: -
                  customer email known: no (set checkout_express or session_customer_email)

                """ + emailUnknown)
    }

    func testStatusWithoutAccountsCoversEveryAccount() {
        makeCardAccount("T12345678")
        makeCardAccount("P12345678")
        let result = cli.run("clicktopay status")
        assertRun(
            result, status: 0,
            stdout: """
                P12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: -
                  customer email known: no (set checkout_express or session_customer_email)

                T12345678: Click to Pay off
                  currencies: Click to Pay -; dintero_psp.creditcard NOK
                  offered by: -
                  card profiles without it: -
                  customer email known: no (set checkout_express or session_customer_email)

                """)
    }

    func testStatusOnAnEmptyStorePrintsNothingAndCreatesNoStore() {
        assertRun(cli.run("clicktopay status"), status: 0)
        XCTAssertNil(cli.storeBytes())
    }

    func testStatusJSONOnAnEmptyStoreHasNoAccounts() {
        assertRun(
            cli.run("--json clicktopay status"), status: 0,
            stdout: """
                {
                  "accounts": [],
                  "format_version": "1"
                }

                """)
    }

    func testStatusJSONGivesEnabledCurrenciesProfilesEmailAndFindings() {
        makeShop()
        cli.succeed("profile add T12345678 shop2 --method dintero_psp.creditcard")
        cli.succeed("settings unset T12345678 checkout_express")
        cli.succeed("clicktopay enable T12345678 --profile shop2")
        makeCardAccount("P12345678")
        cli.succeed("settings set P12345678 session_customer_email=true")
        assertRun(
            cli.run("--json clicktopay status T12345678 P12345678"), status: 0,
            stdout: """
                {
                  "accounts": [
                    {
                      "account_id": "P12345678",
                      "card_currencies": [
                        "NOK"
                      ],
                      "card_profiles_without": [],
                      "currencies": [],
                      "currencies_missing": [],
                      "currencies_without_card": [],
                      "email_known": true,
                      "email_source": "session_customer_email",
                      "enabled": false,
                      "findings": [],
                      "profiles_offering": []
                    },
                    {
                      "account_id": "T12345678",
                      "card_currencies": [
                        "NOK"
                      ],
                      "card_profiles_without": [
                        "webshop"
                      ],
                      "currencies": [
                        "NOK"
                      ],
                      "currencies_missing": [],
                      "currencies_without_card": [],
                      "email_known": false,
                      "email_source": null,
                      "enabled": true,
                      "findings": [
                        {
                          "account": "T12345678",
                          "hint": "checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)",
                          "message": "account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown",
                          "payment_type": "dintero_psp.clicktopay",
                          "profile": null,
                          "rule": "ctp-email-unknown",
                          "severity": "warning"
                        },
                        {
                          "account": "T12345678",
                          "hint": "checkout-admin clicktopay enable T12345678 --profile webshop",
                          "message": "profile 'webshop' of account 'T12345678' offers cards but not Click to Pay, which the account has",
                          "payment_type": "dintero_psp.clicktopay",
                          "profile": "webshop",
                          "rule": "ctp-missing-from-profile",
                          "severity": "warning"
                        }
                      ],
                      "profiles_offering": [
                        {
                          "how": "active_payment_types",
                          "profile_id": "all"
                        },
                        {
                          "how": "explicit",
                          "profile_id": "shop2"
                        }
                      ]
                    }
                  ],
                  "format_version": "1"
                }

                """)
    }

    func testStatusOfAMissingAccountIsRefusedWithASuggestion() {
        makeCardAccount()
        assertRun(
            cli.run("clicktopay status T12345678 T12345679"), status: 3,
            stderr: """
                error: account 'T12345679' not found
                hint: did you mean 'T12345678'?

                """)
    }

    func testStatusOfAMissingAccountIsRefusedInJSON() {
        assertRun(
            cli.run("--json clicktopay status T99999999"), status: 3,
            stderr: """
                {"error":{"code":"not_found","exit_code":3,"hint":null,"message":"account 'T99999999' not found"}}

                """)
    }

    func testStatusOfAnInvalidAccountIDIsRefused() {
        assertRun(
            cli.run("clicktopay status X1"), status: 3,
            stderr: """
                error: invalid account id 'X1'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
    }
}
