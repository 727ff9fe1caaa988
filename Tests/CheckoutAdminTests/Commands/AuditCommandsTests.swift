import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `audit` over stores written by the tool and by other means, and the writes the audit's
/// error rules refuse.
final class AuditCommandsTests: CLITestCase {
    /// A clean account: cards and Click to Pay in NOK, the email known, and a profile `webshop` offering both.
    private func makeClickToPayAccount(_ id: String = "T12345678") {
        makeCardAccount(id)
        cli.succeed("settings set \(id) checkout_express=true")
        cli.succeed("profile add \(id) webshop --method dintero_psp.creditcard")
        cli.succeed("clicktopay enable \(id)")
    }

    /// Edits the store with SQL as an older version without the Click to Pay provider rule could have.
    private func sqlAsAnOlderVersion(_ statements: String) throws {
        let triggers = ["payment_method", "profile_method", "profile"].flatMap { table in
            ["insert", "update"].map { "DROP TRIGGER \(table)_provider_rule_on_\($0);" }
        }
        try sql(triggers.joined(separator: "\n") + "\nPRAGMA ignore_check_constraints = ON;\n" + statements)
    }

    /// Runs a write that must be refused with exit 3 and leave the store byte-identical.
    private func assertRefused(_ arguments: String, stderr: String, file: StaticString = #filePath, line: UInt = #line)
    {
        let before = cli.storeBytes()
        XCTAssertNotNil(before, file: file, line: line)
        assertRun(cli.run(arguments), status: 3, stderr: stderr, file: file, line: line)
        XCTAssertEqual(cli.storeBytes(), before, "store changed", file: file, line: line)
    }

    // MARK: exit codes and summary

    func testAuditOnAnEmptyStorePassesAndCreatesNoStore() {
        assertRun(cli.run("audit"), status: 0, stdout: "0 errors, 0 warnings in 0 accounts (0 profiles)\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testStrictAuditOnAnEmptyStorePasses() {
        assertRun(cli.run("audit --strict"), status: 0, stdout: "0 errors, 0 warnings in 0 accounts (0 profiles)\n")
    }

    func testAuditJSONOnAnEmptyStoreHasAnEmptyFindingsArray() {
        assertRun(
            cli.run("--json audit"), status: 0,
            stdout: """
                {
                  "accounts_checked": 0,
                  "error_count": 0,
                  "findings": [],
                  "format_version": "1",
                  "profiles_checked": 0,
                  "valid": true,
                  "warning_count": 0
                }

                """)
    }

    func testAuditOfACleanStorePrintsOnlyTheSummary() {
        makeClickToPayAccount()
        assertRun(cli.run("audit --strict"), status: 0, stdout: "0 errors, 0 warnings in 1 account (1 profile)\n")
    }

    func testAuditWithOnlyWarningsExitsZero() {
        makeClickToPayAccount()
        cli.succeed("settings unset T12345678 checkout_express")
        assertRun(
            cli.run("audit"), status: 0,
            stdout: "T12345678\n" + emailUnknown + "0 errors, 1 warning in 1 account (1 profile)\n")
    }

    func testStrictAuditWithWarningsExitsOne() {
        makeClickToPayAccount()
        cli.succeed("settings unset T12345678 checkout_express")
        assertRun(
            cli.run("audit --strict"), status: 1,
            stdout: "T12345678\n" + emailUnknown + "0 errors, 1 warning in 1 account (1 profile)\n")
    }

    func testStrictAuditJSONWithWarningsIsNotValid() {
        makeCardAccount()
        cli.succeed("settings unset T12345678 logo_url")
        assertRun(
            cli.run("--json audit --strict"), status: 1,
            stdout: """
                {
                  "accounts_checked": 1,
                  "error_count": 0,
                  "findings": [
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin settings set T12345678 logo_url=…",
                      "message": "account 'T12345678' lacks logo_url, which Dintero requires",
                      "payment_type": null,
                      "profile": null,
                      "rule": "merchant-incomplete",
                      "severity": "warning"
                    }
                  ],
                  "format_version": "1",
                  "profiles_checked": 0,
                  "valid": false,
                  "warning_count": 1
                }

                """)
    }

    func testAuditWithAnErrorExitsOne() throws {
        makeClickToPayAccount()
        try sql("INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'empty')")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   profile-empty: profile 'empty' of account 'T12345678' offers nothing
                           fix: checkout-admin profile add-method T12345678 empty <type> (or checkout-admin profile set T12345678 empty all_active=true)
                1 error, 0 warnings in 1 account (2 profiles)

                """)
    }

    func testAuditGroupsFindingsByAccountWorstFirst() throws {
        makeClickToPayAccount("T12345678")
        makeCardAccount("P12345678")
        cli.succeed("account add T00000001")
        cli.succeed("settings unset T12345678 checkout_express")
        try sql(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'empty');
            UPDATE payment_method SET currencies = '' WHERE account_id = 'P12345678';
            """)
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                P12345678
                  error   currency-invalid: method 'dintero_psp.creditcard' on account 'P12345678' has no currencies
                           fix: checkout-admin method enable P12345678 dintero_psp.creditcard --currency NOK
                T00000001
                  warning merchant-incomplete: account 'T00000001' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set T00000001 name=… logo_url=…
                T12345678
                  error   profile-empty: profile 'empty' of account 'T12345678' offers nothing
                           fix: checkout-admin profile add-method T12345678 empty <type> (or checkout-admin profile set T12345678 empty all_active=true)

                """ + emailUnknown + "2 errors, 2 warnings in 3 accounts (2 profiles)\n")
    }

    func testAuditOfNamedAccountsChecksOnlyThose() throws {
        makeClickToPayAccount("T12345678")
        cli.succeed("account add T00000001")
        makeCardAccount("P12345678")
        try sql(
            "UPDATE payment_method SET currencies = '' WHERE account_id = 'T12345678' AND type = 'dintero_psp.clicktopay'"
        )
        assertRun(
            cli.run("audit P12345678 T00000001 --strict"), status: 1,
            stdout: """
                T00000001
                  warning merchant-incomplete: account 'T00000001' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set T00000001 name=… logo_url=…
                0 errors, 1 warning in 2 accounts (0 profiles)

                """)
    }

    func testNoStrictAfterStrictCountsOnlyErrors() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("audit --strict --no-strict"), status: 0,
            stdout: """
                T12345678
                  warning merchant-incomplete: account 'T12345678' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set T12345678 name=… logo_url=…
                0 errors, 1 warning in 1 account (0 profiles)

                """)
    }

    func testAuditOfAnAccountNamedTwiceChecksItOnce() {
        makeClickToPayAccount()
        assertRun(
            cli.run("audit T12345678 T12345678"), status: 0, stdout: "0 errors, 0 warnings in 1 account (1 profile)\n")
    }

    func testAuditColoursAccountAndSeverityOnATerminal() throws {
        makeClickToPayAccount()
        try sql("INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'empty')")
        cli.succeed("settings unset T12345678 checkout_express")
        assertRun(
            cli.run(["audit"], terminal: true), status: 1,
            stdout: """
                \u{1B}[1mT12345678\u{1B}[0m
                  \u{1B}[31merror  \u{1B}[0m profile-empty: profile 'empty' of account 'T12345678' offers nothing
                           fix: checkout-admin profile add-method T12345678 empty <type> (or checkout-admin profile set T12345678 empty all_active=true)
                  \u{1B}[33mwarning\u{1B}[0m ctp-email-unknown: account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown
                           fix: checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)
                1 error, 1 warning in 1 account (2 profiles)

                """)
    }

    func testAuditWithNoColorOnATerminalIsPlain() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run(["audit", "--no-color"], terminal: true), status: 0,
            stdout: """
                T12345678
                  warning merchant-incomplete: account 'T12345678' lacks name and logo_url, which Dintero requires
                           fix: checkout-admin settings set T12345678 name=… logo_url=…
                0 errors, 1 warning in 1 account (0 profiles)

                """)
    }

    func testAuditOfAMissingAccountIsRefusedWithASuggestion() {
        makeCardAccount()
        assertRun(
            cli.run("audit T12345678 T12345679"), status: 3,
            stderr: """
                error: account 'T12345679' not found
                hint: did you mean 'T12345678'?

                """)
    }

    func testAuditOfAMissingAccountIsRefusedInJSON() {
        assertRun(
            cli.run("--json audit T12345678"), status: 3,
            stderr: """
                {"error":{"code":"not_found","exit_code":3,"hint":null,"message":"account 'T12345678' not found"}}

                """)
    }

    func testAuditOfAnInvalidAccountIDIsRefused() {
        assertRun(
            cli.run("audit t12345678"), status: 3,
            stderr: """
                error: invalid account id 't12345678'
                hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678

                """)
    }

    func testAuditJSONHasTheDocumentedShapeInDeterministicOrder() throws {
        makeClickToPayAccount("T12345678")
        makeCardAccount("P12345678")
        cli.succeed("profile add P12345678 shop --method dintero_psp.creditcard")
        cli.succeed("settings unset T12345678 checkout_express")
        try sqlAsAnOlderVersion(
            """
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'payex.clicktopay');
            INSERT INTO payment_method (account_id, type, currencies) VALUES ('P12345678', 'vipps', 'NOK,XYZ');
            """)
        assertRun(
            cli.run("--json audit"), status: 1,
            stdout: """
                {
                  "accounts_checked": 2,
                  "error_count": 2,
                  "findings": [
                    {
                      "account": "P12345678",
                      "hint": "checkout-admin method enable P12345678 vipps --currency NOK",
                      "message": "method 'vipps' on account 'P12345678' has invalid currency 'XYZ'",
                      "payment_type": "vipps",
                      "profile": null,
                      "rule": "currency-invalid",
                      "severity": "error"
                    },
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin profile remove-method T12345678 webshop payex.clicktopay",
                      "message": "profile 'webshop' of account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'",
                      "payment_type": "payex.clicktopay",
                      "profile": "webshop",
                      "rule": "ctp-provider",
                      "severity": "error"
                    },
                    {
                      "account": "T12345678",
                      "hint": "checkout-admin settings set T12345678 checkout_express=true (or session_customer_email=true)",
                      "message": "account 'T12345678' offers Click to Pay but the customer's email is never known, so it would never be shown",
                      "payment_type": "dintero_psp.clicktopay",
                      "profile": null,
                      "rule": "ctp-email-unknown",
                      "severity": "warning"
                    }
                  ],
                  "format_version": "1",
                  "profiles_checked": 2,
                  "valid": false,
                  "warning_count": 1
                }

                """)
    }

    // MARK: every error rule in a store written by other means

    func testCtpProviderFiresForPayexClickToPayOnTheAccountInARawStore() throws {
        makeClickToPayAccount()
        try sqlAsAnOlderVersion(
            "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'payex.clicktopay', 'NOK')")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-provider: account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'
                           fix: checkout-admin method disable T12345678 payex.clicktopay --force
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCtpProviderFiresForPayexClickToPayInAProfileInARawStore() throws {
        makeClickToPayAccount()
        try sqlAsAnOlderVersion(
            "INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'payex.clicktopay')"
        )
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-provider: profile 'webshop' of account 'T12345678' offers 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'
                           fix: checkout-admin profile remove-method T12345678 webshop payex.clicktopay
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCtpProviderFiresForPayexClickToPayAsDefaultInARawStore() throws {
        makeClickToPayAccount()
        try sqlAsAnOlderVersion(
            "UPDATE profile SET default_payment_type = 'payex.clicktopay' WHERE profile_id = 'webshop'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-provider: profile 'webshop' of account 'T12345678' has default 'payex.clicktopay': Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'
                           fix: checkout-admin profile set T12345678 webshop default_payment_type=
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCtpProviderFixHintsCleanARawStore() throws {
        makeClickToPayAccount()
        try sqlAsAnOlderVersion(
            """
            INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'payex.clicktopay', 'NOK');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'payex.clicktopay');
            INSERT INTO profile (account_id, profile_id, default_payment_type) VALUES ('T12345678', 'old', 'payex.clicktopay');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'old', 'dintero_psp.creditcard');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'old', 'dintero_psp.clicktopay');
            """)
        cli.succeed("profile set T12345678 old default_payment_type=")
        cli.succeed("profile remove-method T12345678 webshop payex.clicktopay")
        cli.succeed("method disable T12345678 payex.clicktopay --force")
        assertRun(cli.run("audit --strict"), status: 0, stdout: "0 errors, 0 warnings in 1 account (2 profiles)\n")
    }

    func testCtpNotOnAccountFiresInARawStore() throws {
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        try sql(
            """
            INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'webshop');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'dintero_psp.creditcard');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'dintero_psp.clicktopay');
            """)
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-not-on-account: profile 'webshop' offers Click to Pay but account 'T12345678' has not enabled it
                           fix: checkout-admin clicktopay enable T12345678
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCtpWithoutCardFiresForTheAccountInARawStore() throws {
        makeClickToPayAccount()
        try sql(
            """
            DELETE FROM profile_method WHERE type = 'dintero_psp.creditcard';
            DELETE FROM payment_method WHERE type = 'dintero_psp.creditcard';
            """)
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-without-card: account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'; Click to Pay is shown inside that card form
                           fix: checkout-admin method enable T12345678 dintero_psp.creditcard
                  error   ctp-without-card: profile 'webshop' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'
                           fix: checkout-admin profile add-method T12345678 webshop dintero_psp.creditcard
                2 errors, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCtpWithoutCardFiresForAProfileInARawStore() throws {
        makeClickToPayAccount()
        try sql("DELETE FROM profile_method WHERE type = 'dintero_psp.creditcard'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   ctp-without-card: profile 'webshop' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard'
                           fix: checkout-admin profile add-method T12345678 webshop dintero_psp.creditcard
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testMethodNotOnAccountFiresInARawStore() throws {
        makeClickToPayAccount()
        try sql("INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'vipps')")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   method-not-on-account: profile 'webshop' offers 'vipps' but account 'T12345678' has not enabled it
                           fix: checkout-admin method enable T12345678 vipps
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testDefaultNotOfferedFiresInARawStore() throws {
        makeClickToPayAccount()
        cli.succeed("method enable T12345678 vipps")
        try sql("UPDATE profile SET default_payment_type = 'vipps' WHERE profile_id = 'webshop'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   default-not-offered: profile 'webshop' of account 'T12345678' has default 'vipps' but does not offer it
                           fix: checkout-admin profile add-method T12345678 webshop vipps (or checkout-admin profile set T12345678 webshop default_payment_type=)
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testProfileEmptyFiresInARawStore() throws {
        makeClickToPayAccount()
        try sql("DELETE FROM profile_method WHERE profile_id = 'webshop'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   profile-empty: profile 'webshop' of account 'T12345678' offers nothing
                           fix: checkout-admin profile add-method T12345678 webshop <type> (or checkout-admin profile set T12345678 webshop all_active=true)
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testUnknownTypeFiresForAccountProfileAndDefaultInARawStore() throws {
        makeClickToPayAccount()
        try sql(
            """
            INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'foo.bar', 'NOK');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'Vipps.direct');
            UPDATE profile SET default_payment_type = 'DINTERO_PSP.creditcard' WHERE profile_id = 'webshop';
            """)
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   unknown-type: account 'T12345678' uses unknown payment type 'foo.bar'
                           fix: checkout-admin method disable T12345678 foo.bar --force
                  error   unknown-type: profile 'webshop' of account 'T12345678' uses unknown payment type 'DINTERO_PSP.creditcard'
                           fix: checkout-admin profile set T12345678 webshop default_payment_type=
                  error   unknown-type: profile 'webshop' of account 'T12345678' uses unknown payment type 'Vipps.direct'
                           fix: checkout-admin profile remove-method T12345678 webshop Vipps.direct
                3 errors, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCurrencyInvalidFiresForAMethodWithoutCurrenciesInARawStore() throws {
        makeClickToPayAccount()
        try sql("UPDATE payment_method SET currencies = '' WHERE type = 'dintero_psp.clicktopay'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   currency-invalid: method 'dintero_psp.clicktopay' on account 'T12345678' has no currencies
                           fix: checkout-admin method enable T12345678 dintero_psp.clicktopay --currency NOK
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testCurrencyInvalidFiresForCodesOutsideISO4217InARawStore() throws {
        makeClickToPayAccount()
        try sql("UPDATE payment_method SET currencies = 'NOK,nok,ABC,' WHERE type = 'dintero_psp.creditcard'")
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   currency-invalid: method 'dintero_psp.creditcard' on account 'T12345678' has invalid currency 'nok', 'ABC', ''
                           fix: checkout-admin method enable T12345678 dintero_psp.creditcard --currency NOK
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testWalletsConflictFiresInARawStore() throws {
        makeClickToPayAccount()
        cli.succeed("method enable T12345678 dintero.wallets")
        cli.succeed("method enable T12345678 vipps")
        try sql(
            """
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'dintero.wallets');
            INSERT INTO profile_method (account_id, profile_id, type) VALUES ('T12345678', 'webshop', 'vipps');
            """)
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   wallets-conflict: profile 'webshop' of account 'T12345678' offers 'dintero.wallets' together with 'vipps'
                           fix: checkout-admin profile remove-method T12345678 webshop dintero.wallets
                1 error, 0 warnings in 1 account (1 profile)

                """)
    }

    func testWalletsConflictFiresThroughActivePaymentTypesInARawStore() throws {
        makeClickToPayAccount()
        cli.succeed("method enable T12345678 dintero.wallets")
        cli.succeed("profile add T12345678 all --all-active")
        try sql(
            "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'netaxept.creditcard', 'NOK')"
        )
        assertRun(
            cli.run("audit"), status: 1,
            stdout: """
                T12345678
                  error   wallets-conflict: profile 'all' of account 'T12345678' offers 'dintero.wallets' together with 'netaxept.creditcard'
                           fix: checkout-admin method disable T12345678 dintero.wallets --force
                1 error, 0 warnings in 1 account (2 profiles)

                """)
    }

    func testWritesThatAddNoNewErrorAreAllowedOnAnAccountWithOldErrors() throws {
        makeClickToPayAccount()
        try sql("INSERT INTO profile (account_id, profile_id) VALUES ('T12345678', 'empty')")
        assertRun(
            cli.run("settings set T12345678 website=https://example.com"), status: 0,
            stderr: "+ settings T12345678 website: 'https://example.com'\n")
    }

    // MARK: writes refuse what would create an error finding

    func testOfferingClickToPayInAProfileWithoutCardsIsRefused() {
        makeClickToPayAccount()
        assertRefused(
            "profile add T12345678 ctponly --method dintero_psp.clicktopay",
            stderr: """
                error: refused: profile 'ctponly' of account 'T12345678' offers Click to Pay without 'dintero_psp.creditcard' (ctp-without-card)
                hint: profile 'ctponly' was not created: offer 'dintero_psp.creditcard' in it too

                """)
    }

    func testOfferingClickToPayInAProfileBeforeTheAccountHasItIsRefused() {
        makeCardAccount()
        cli.succeed("profile add T12345678 webshop --method dintero_psp.creditcard")
        assertRefused(
            "profile add-method T12345678 webshop dintero_psp.clicktopay",
            stderr: """
                error: refused: profile 'webshop' offers Click to Pay but account 'T12345678' has not enabled it (ctp-not-on-account)
                hint: checkout-admin clicktopay enable T12345678

                """)
    }

    func testOfferingAMethodTheAccountLacksIsRefused() {
        makeClickToPayAccount()
        assertRefused(
            "profile add-method T12345678 webshop vipps",
            stderr: """
                error: refused: profile 'webshop' offers 'vipps' but account 'T12345678' has not enabled it (method-not-on-account)
                hint: checkout-admin method enable T12345678 vipps

                """)
    }

    func testADefaultTheProfileDoesNotOfferIsRefused() {
        makeClickToPayAccount()
        cli.succeed("method enable T12345678 vipps")
        assertRefused(
            "profile set T12345678 webshop default_payment_type=vipps",
            stderr: """
                error: refused: profile 'webshop' of account 'T12345678' has default 'vipps' but does not offer it (default-not-offered)
                hint: checkout-admin profile add-method T12345678 webshop vipps (or checkout-admin profile set T12345678 webshop default_payment_type=)

                """)
    }

    func testClickToPayAsADefaultTheProfileDoesNotOfferIsRefused() {
        makeClickToPayAccount()
        cli.succeed("profile add T12345678 cards --method dintero_psp.creditcard")
        assertRefused(
            "profile set T12345678 cards default_payment_type=dintero_psp.clicktopay",
            stderr: """
                error: refused: profile 'cards' of account 'T12345678' has default 'dintero_psp.clicktopay' but does not offer it (default-not-offered)
                hint: checkout-admin profile add-method T12345678 cards dintero_psp.clicktopay (or checkout-admin profile set T12345678 cards default_payment_type=)

                """)
    }

    func testAnEmptyProfileIsRefused() {
        makeClickToPayAccount()
        assertRefused(
            "profile add T12345678 empty",
            stderr: """
                error: refused: profile 'empty' of account 'T12345678' offers nothing (profile-empty)
                hint: profile 'empty' was not created: offer <type> in it too, or give it all_active=true

                """)
    }

    func testRemovingEveryMethodOfAProfileIsRefused() {
        makeClickToPayAccount()
        assertRefused(
            "profile remove-method T12345678 webshop dintero_psp.creditcard dintero_psp.clicktopay",
            stderr: """
                error: refused: profile 'webshop' of account 'T12345678' offers nothing (profile-empty)
                hint: checkout-admin profile add-method T12345678 webshop <type> (or checkout-admin profile set T12345678 webshop all_active=true)

                """)
    }

    func testWalletsWithVippsInOneProfileIsRefused() {
        makeClickToPayAccount()
        cli.succeed("method enable T12345678 dintero.wallets")
        cli.succeed("method enable T12345678 vipps")
        assertRefused(
            "profile add-method T12345678 webshop dintero.wallets vipps",
            stderr: """
                error: refused: profile 'webshop' of account 'T12345678' offers 'dintero.wallets' together with 'vipps' (wallets-conflict)
                hint: checkout-admin profile remove-method T12345678 webshop dintero.wallets

                """)
    }

    func testDisablingTheCardMethodWhileClickToPayIsOnIsRefused() {
        makeClickToPayAccount()
        cli.succeed("profile add T12345678 cards --method dintero_psp.creditcard --method dintero_psp.clicktopay")
        assertRefused(
            "method disable T12345678 dintero_psp.creditcard --force",
            stderr: """
                error: refused: account 'T12345678' offers Click to Pay, which is shown inside the 'dintero_psp.creditcard' form (ctp-without-card)
                hint: turn Click to Pay off first: checkout-admin clicktopay disable T12345678

                """)
    }

    func testEnablingPayexClickToPayIsRefusedAsAPolicyViolation() {
        makeClickToPayAccount()
        assertRefused(
            "--json method enable T12345678 payex.clicktopay",
            stderr: """
                {"error":{"code":"policy_violation","exit_code":3,"hint":"use 'dintero_psp.clicktopay' instead","message":"payment type 'payex.clicktopay' is refused: Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'"}}

                """)
    }

    func testRefusedWritesLeaveNoHistory() throws {
        makeClickToPayAccount()
        let history = try cli.rows("SELECT count(*) FROM history")
        XCTAssertEqual(cli.run("profile add T12345678 empty").status, 3)
        XCTAssertEqual(try cli.rows("SELECT count(*) FROM history"), history)
    }
}
